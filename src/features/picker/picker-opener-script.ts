// m365hub-picker.js, the script a host product's page includes (<script src="https://<hub>/m365hub-picker.js">) to
// open the hosted picker and get the selection back:
//
//   const { url } = await yourBackend.createPickerSession(recordId);   // POST /api/v1/workspaces/{ws}/picker/sessions
//   const result = await M365HubPicker.open(url);                      // or M365HubPicker.open(url, { iframe: element })
//   // result: { attachments: [{ attachmentId, name, mode, driveId, itemId }] }, or null when the user cancelled
//
// Call open() from a click handler (browsers block popups opened later). Messages are accepted only from the picker
// window itself and only from the hub's origin (the origin of `url`).
export const PICKER_OPENER_SCRIPT = String.raw`/* m365hub-picker.js: opens the m365hub file picker; see the hub's README ("The hosted file picker"). */
(function () {
  'use strict';
  function open(url, options) {
    options = options || {};
    var hubOrigin = new URL(url, location.href).origin;
    var frame = null;
    var popup = null;
    if (options.iframe) {
      frame = document.createElement('iframe');
      frame.src = url;
      frame.title = 'Add files from Microsoft 365';
      frame.style.cssText = 'width:100%;height:100%;border:0';
      options.iframe.appendChild(frame);
    } else {
      var width = options.width || 720;
      var height = options.height || 640;
      popup = window.open(url, 'm365hub-picker', 'popup,width=' + width + ',height=' + height);
      if (!popup) return Promise.reject(new Error('The browser blocked the picker popup; call M365HubPicker.open() from a click handler.'));
    }
    var source = function () { return frame ? frame.contentWindow : popup; };
    return new Promise(function (resolve) {
      var closedCheck = null;
      function finish(result) {
        window.removeEventListener('message', onMessage);
        if (closedCheck) clearInterval(closedCheck);
        if (frame) frame.remove();
        resolve(result);
      }
      function onMessage(event) {
        if (event.origin !== hubOrigin || event.source !== source()) return;
        var data = event.data || {};
        if (data.type === 'm365hub-picker:picked') finish({ attachments: data.attachments || [], partial: Boolean(data.partial) });
        else if (data.type === 'm365hub-picker:cancelled') finish(null);
      }
      window.addEventListener('message', onMessage);
      // A popup closed with its own close button sends nothing: treat it as cancelled.
      if (popup) closedCheck = setInterval(function () { if (popup.closed) finish(null); }, 500);
    });
  }
  window.M365HubPicker = { open: open };
})();
`;
