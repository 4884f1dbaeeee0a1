// The picker page's script (plain browser JavaScript, served as /picker/assets/picker.js; the page's CSP allows no
// inline script). It reads its session token from its own URL and sends it as X-M365Hub-Picker-Session on every call
// to /picker/api; the hub takes the workspace, user, record and modes from the token. The selection goes back to
// the opener (popup) or parent (iframe) by postMessage to the one origin the session names, never "*".
export const PICKER_PAGE_SCRIPT = String.raw`(function () {
  'use strict';
  var token = decodeURIComponent(location.pathname.split('/').pop() || '');
  var origin = document.body.getAttribute('data-origin');
  var byId = function (id) { return document.getElementById(id); };
  var selected = new Map();
  var view = { trail: [], driveId: null, load: null, cursor: null };
  var busy = false;

  function target() {
    if (window.opener && window.opener !== window) return window.opener;
    if (window.parent && window.parent !== window) return window.parent;
    return null;
  }
  function send(message) {
    var to = target();
    if (to) to.postMessage(message, origin);
  }

  function call(method, path, payload) {
    var headers = { 'x-m365hub-picker-session': token, accept: 'application/json' };
    if (payload !== undefined) headers['content-type'] = 'application/json';
    return fetch('/picker/api' + path, { method: method, headers: headers, body: payload === undefined ? undefined : JSON.stringify(payload), credentials: 'omit' })
      .then(function (response) {
        return response.json().catch(function () { return null; }).then(function (data) {
          if (!response.ok) {
            var error = new Error((data && data.detail) || ('HTTP ' + response.status));
            error.code = data && data.code;
            error.retryAfter = response.headers.get('retry-after');
            throw error;
          }
          return { data: data, location: response.headers.get('content-location') };
        });
      });
  }

  /** What the user can do about a refusal, in their words; the hub's detail stays as the technical part. */
  function explain(error) {
    switch (error.code) {
      case 'm365_not_connected':
        return ['You have not connected Microsoft 365 yet.', 'Connect it in the product you came from (User Settings → Integrations), then open the picker again.'];
      case 'connection_needs_reconnect':
        return ['Your Microsoft 365 connection needs to be renewed.', 'Reconnect it in the product you came from (User Settings → Integrations), then open the picker again.'];
      case 'm365_permission_missing':
        return ['Microsoft 365 did not allow this.', 'Your organisation has not granted the permission needed here. Ask your administrator. (' + error.message + ')'];
      case 'microsoft_throttled':
        return ['Microsoft 365 is busy right now.', 'Wait ' + (error.retryAfter ? error.retryAfter + ' seconds' : 'a moment') + ' and try again.'];
      case 'picker_session_invalid':
        return ['This picker has expired.', 'Close it and choose “Add from OneDrive” again in the product you came from.'];
      default:
        return ['Something went wrong.', error.message];
    }
  }
  function showError(error) {
    var box = byId('error');
    box.textContent = '';
    var parts = explain(error);
    var strong = document.createElement('strong');
    strong.textContent = parts[0];
    box.appendChild(strong);
    box.appendChild(document.createTextNode(' ' + parts[1]));
  }
  function clearError() { byId('error').textContent = ''; }
  function status(text) { byId('status').textContent = text; }

  function formatSize(size) {
    if (typeof size !== 'number') return '';
    if (size < 1024) return size + ' B';
    if (size < 1048576) return (size / 1024).toFixed(1) + ' KB';
    return (size / 1048576).toFixed(1) + ' MB';
  }

  function updateSelection() {
    var count = selected.size;
    byId('selected').textContent = count === 0 ? 'Nothing selected' : count + (count === 1 ? ' file selected' : ' files selected');
    ['link', 'copy'].forEach(function (id) { var b = byId(id); if (b) b.disabled = busy || count === 0; });
  }

  function renderBreadcrumb() {
    var list = byId('breadcrumb');
    list.textContent = '';
    view.trail.forEach(function (step, index) {
      var li = document.createElement('li');
      if (index === view.trail.length - 1) {
        var here = document.createElement('span');
        here.setAttribute('aria-current', 'page');
        here.textContent = step.name;
        li.appendChild(here);
      } else {
        var back = document.createElement('button');
        back.type = 'button';
        back.textContent = step.name;
        back.addEventListener('click', function () { view.trail = view.trail.slice(0, index + 1); show(step); });
        li.appendChild(back);
      }
      list.appendChild(li);
    });
  }

  function folderRow(name, meta, open) {
    var li = document.createElement('li');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'open';
    button.textContent = name;
    button.setAttribute('aria-label', 'Open ' + name + (meta ? ' (' + meta + ')' : ''));
    button.addEventListener('click', open);
    li.appendChild(button);
    if (meta) { var m = document.createElement('span'); m.className = 'meta'; m.textContent = meta; li.appendChild(m); }
    return li;
  }
  function fileRow(item) {
    var li = document.createElement('li');
    var label = document.createElement('label');
    var box = document.createElement('input');
    box.type = 'checkbox';
    var key = item.driveId + '/' + item.id;
    box.checked = selected.has(key);
    box.addEventListener('change', function () {
      if (box.checked) selected.set(key, item); else selected.delete(key);
      updateSelection();
    });
    var name = document.createElement('span');
    name.className = 'name';
    name.textContent = item.name;
    label.appendChild(box);
    label.appendChild(name);
    li.appendChild(label);
    var meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = formatSize(item.size);
    li.appendChild(meta);
    return li;
  }
  function itemRow(item) {
    if (item.kind === 'folder') {
      return folderRow(item.name, item.childCount != null ? 'folder · ' + item.childCount + (item.childCount === 1 ? ' item' : ' items') : 'folder', function () {
        go({ name: item.name, driveId: item.driveId, load: listing(item.driveId, item.id) });
      });
    }
    return fileRow(item);
  }

  /** A step that lists a collection page by page (a folder's children, search hits). */
  function pager(path) {
    return function (cursor) {
      return call('GET', path + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''))
        .then(function (r) { return { rows: r.data.items.map(itemRow), next: r.data.nextCursor }; });
    };
  }
  function listing(driveId, itemId) {
    return pager('/drives/' + encodeURIComponent(driveId) + '/items/' + encodeURIComponent(itemId) + '/children?limit=50');
  }
  /** A step whose rows are already known (a team's channels). */
  function fixed(rowsPromise) {
    return function () { return rowsPromise().then(function (rows) { return { rows: rows, next: null }; }); };
  }

  function go(step) { view.trail.push(step); show(step); }
  function show(step) {
    view.driveId = step.driveId || null;
    view.load = step.load;
    byId('search').hidden = !view.driveId;
    byId('items').textContent = '';
    renderBreadcrumb();
    page(null);
  }
  function page(cursor) {
    clearError();
    status('Loading…');
    byId('more').hidden = true;
    var load = view.load;
    return load(cursor).then(function (result) {
      if (load !== view.load) return;
      var list = byId('items');
      result.rows.forEach(function (row) { list.appendChild(row); });
      view.cursor = result.next;
      byId('more').hidden = !result.next;
      status(list.children.length === 0 ? 'This folder is empty.' : list.children.length + (list.children.length === 1 ? ' item' : ' items'));
    }).catch(function (error) { status(''); showError(error); });
  }

  /** A source whose root folder the hub looks up first (a drive's or a site's library). */
  function rootStep(name, rootPath) {
    go({ name: name, load: function () {
      return call('GET', rootPath).then(function (r) {
        view.trail.pop();
        go({ name: name, driveId: r.data.driveId, load: listing(r.data.driveId, r.data.id) });
        return { rows: [], next: null };
      });
    } });
  }

  function openSource(source, button) {
    Array.prototype.forEach.call(document.querySelectorAll('#sources button'), function (b) { b.removeAttribute('aria-current'); });
    button.setAttribute('aria-current', 'true');
    view.trail = [];
    if (source.kind === 'onedrive') {
      rootStep(source.name, '/drives/' + encodeURIComponent(source.id) + '/root');
    } else if (source.kind === 'shared') {
      // Items from other people's drives: each opens in its own drive, so there is no one drive to search here.
      go({ name: source.name, load: pager('/shared?limit=50') });
    } else if (source.kind === 'sharepoint_site') {
      rootStep(source.name, '/sites/' + encodeURIComponent(source.id) + '/root');
    } else if (source.kind === 'team') {
      go({ name: source.name, load: fixed(function () {
        return call('GET', '/teams/' + encodeURIComponent(source.id) + '/channels').then(function (r) {
          return r.data.items.map(function (channel) {
            return folderRow(channel.name, 'channel', function () {
              call('GET', '/teams/' + encodeURIComponent(source.id) + '/channels/' + encodeURIComponent(channel.id) + '/folder').then(function (f) {
                go({ name: channel.name, driveId: f.data.driveId, load: listing(f.data.driveId, f.data.id) });
              }).catch(showError);
            });
          });
        });
      }) });
    }
  }

  function loadSources() {
    call('GET', '/sources').then(function (r) {
      var list = byId('sources');
      var first = null;
      r.data.items.forEach(function (source) {
        var li = document.createElement('li');
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = (source.kind === 'team' ? 'Team: ' : source.kind === 'sharepoint_site' ? 'Site: ' : '') + source.name;
        button.addEventListener('click', function () { openSource(source, button); });
        li.appendChild(button);
        list.appendChild(li);
        if (!first) first = function () { openSource(source, button); };
      });
      r.data.unavailable.forEach(function (gap) {
        var li = document.createElement('li');
        li.className = 'meta';
        li.textContent = (gap.kind === 'team' ? 'Teams' : 'SharePoint sites') + ' unavailable: ' + explain({ code: gap.code, message: gap.detail })[1];
        list.appendChild(li);
      });
      if (first) first(); else status('');
    }).catch(function (error) { status(''); showError(error); });
  }

  function waitForJob(jobId, name, line) {
    return call('GET', '/jobs/' + encodeURIComponent(jobId)).then(function (r) {
      var job = r.data;
      if (job.status === 'succeeded') return job;
      if (job.status === 'failed' || job.status === 'dead' || job.status === 'cancelled') {
        var error = new Error((job.problem && job.problem.message) || 'The copy failed.');
        error.code = job.problem && job.problem.code;
        throw error;
      }
      var p = job.progress;
      line.textContent = 'Copying ' + name + (p.total ? ': ' + Math.round((100 * (p.done || 0)) / p.total) + '%' : '…');
      // Job status is a condition to wait on; the hub answers fast, so one look per half second is plenty.
      return new Promise(function (resolve) { setTimeout(resolve, 500); }).then(function () { return waitForJob(jobId, name, line); });
    });
  }

  function add(mode) {
    if (busy || selected.size === 0) return;
    busy = true;
    updateSelection();
    clearError();
    var progress = byId('progress');
    progress.textContent = '';
    var items = Array.from(selected.values());
    var results = [];
    var chain = Promise.resolve();
    items.forEach(function (item) {
      chain = chain.then(function () {
        var line = document.createElement('div');
        line.textContent = (mode === 'copy' ? 'Copying ' : 'Linking ') + item.name + '…';
        progress.appendChild(line);
        return call('POST', '/attachments', { mode: mode, driveId: item.driveId, itemId: item.id }).then(function (r) {
          var attachmentId = r.location ? r.location.split('/').pop() : r.data.id;
          var done = mode === 'copy' ? waitForJob(r.data.id, item.name, line) : Promise.resolve();
          return done.then(function () {
            line.textContent = (mode === 'copy' ? 'Copied ' : 'Linked ') + item.name;
            results.push({ attachmentId: attachmentId, name: item.name, mode: mode, driveId: item.driveId, itemId: item.id });
          });
        });
      });
    });
    chain.then(function () {
      send({ type: 'm365hub-picker:picked', attachments: results });
      if (window.opener) window.close();
    }).catch(function (error) {
      showError(error);
      busy = false;
      updateSelection();
      if (results.length) send({ type: 'm365hub-picker:picked', attachments: results, partial: true });
    });
  }

  byId('more').addEventListener('click', function () { page(view.cursor); });
  byId('search').addEventListener('submit', function (event) {
    event.preventDefault();
    var q = byId('q').value.trim();
    if (!q || !view.driveId) return;
    var driveId = view.driveId;
    go({ name: 'Search: ' + q, driveId: driveId, load: pager('/drives/' + encodeURIComponent(driveId) + '/search?q=' + encodeURIComponent(q) + '&limit=50') });
  });
  ['link', 'copy'].forEach(function (mode) { var b = byId(mode); if (b) b.addEventListener('click', function () { add(mode); }); });
  byId('cancel').addEventListener('click', function () {
    send({ type: 'm365hub-picker:cancelled' });
    if (window.opener) window.close();
  });
  document.addEventListener('keydown', function (event) { if (event.key === 'Escape' && !busy) byId('cancel').click(); });
  updateSelection();
  loadSources();
})();
`;
