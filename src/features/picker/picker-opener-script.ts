// m365hub-picker.js, the script a host product's page includes (<script src="https://<hub>/m365hub-picker.js">) to
// open the hosted picker and get the selection back:
//
//   button.onclick = async () => {
//     const url = yourBackend.createPickerSession(recordId);   // a promise of the `url` from POST …/picker/sessions
//     const result = await M365HubPicker.open(url);            // or M365HubPicker.open(url, { iframe: element })
//   };
//   // result: { attachments: [{ attachmentId, name, mode, driveId, itemId }] }, or null when the user cancelled
//
// Call open() from a click handler (browsers block popups opened later). Messages are accepted only from the picker
// window itself and only from the hub's origin (the origin of `url`).
export const PICKER_OPENER_SCRIPT = String.raw`/* m365hub-picker.js: opens the m365hub file picker; see the hub's README ("The hosted file picker"). */
(function () {
  'use strict';
  function open(url, options) {
    options = options || {};
    var frame = null;
    var popup = null;
    // Open the window now, inside the user's click (later, the browser blocks it), and point it at the picker once
    // the URL is known: the host's backend may still be asking the hub for the session.
    if (options.iframe) {
      frame = document.createElement('iframe');
      frame.title = 'Add files from Microsoft 365';
      frame.style.cssText = 'width:100%;height:100%;border:0';
      options.iframe.appendChild(frame);
    } else {
      popup = window.open('about:blank', 'm365hub-picker', 'popup,width=' + (options.width || 720) + ',height=' + (options.height || 640));
      if (!popup) return Promise.reject(new Error('The browser blocked the picker popup; call M365HubPicker.open() from a click handler.'));
    }
    var source = function () { return frame ? frame.contentWindow : popup; };
    return Promise.resolve(url).then(function (pickerUrl) {
      var hubOrigin = new URL(pickerUrl, location.href).origin;
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
        if (frame) frame.src = pickerUrl; else popup.location.href = pickerUrl;
        // A popup closed with its own close button sends nothing: treat it as cancelled.
        if (popup) closedCheck = setInterval(function () { if (popup.closed) finish(null); }, 500);
      });
    }, function (error) {
      if (popup) popup.close();
      if (frame) frame.remove();
      throw error;
    });
  }
  window.M365HubPicker = { open: open };
})();
`;
