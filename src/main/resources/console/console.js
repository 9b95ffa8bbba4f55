// The emulator's console: plain JavaScript over the /_emulator/ control plane. Lists are polled, so job states,
// the journal and callbacks update without reloading; the admin token (when the server has one) is typed once,
// kept in this browser's localStorage and sent as "Authorization: Bearer".
'use strict';

const POLL_MS = 1500;
const KINDS = ['VIDEO', 'TTS', 'LIVE'];
const ui = {
  project: localStorage.getItem('msemu.project') || '',
  token: localStorage.getItem('msemu.token') || '',
  tab: 'jobs',
  job: null, jobShown: '',
  request: null,
  callback: null,
  assets: [],
};

const $ = (sel, root = document) => root.querySelector(sel);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
};
const badge = (value, cls) => el('span', {class: 'badge ' + (cls || value || ''), text: value ?? '–'});
const short = (id) => id ? (id.length > 14 ? id.slice(0, 8) + '…' + id.slice(-4) : id) : '–';
const pretty = (v) => v === null || v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v, null, 2);
const enc = encodeURIComponent;

function setStatus(text, error) {
  const s = $('#status');
  s.textContent = text;
  s.classList.toggle('error', !!error);
}

async function api(method, path, body) {
  const headers = {};
  if (ui.token) headers['Authorization'] = 'Bearer ' + ui.token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  } catch (e) {
    ui.failed = true;
    setStatus('Emulator unreachable: ' + e.message, true);
    throw e;
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (ignored) { /* not JSON */ }
  if (response.status === 401) {
    ui.failed = true;
    setStatus('The control plane needs the admin token (METASTUDIO_ADMIN_TOKEN): enter it above.', true);
  }
  return {status: response.status, ok: response.ok, json, text};
}

function fillTable(table, rows, empty) {
  const body = $('tbody', table);
  body.replaceChildren(...rows);
  $(empty).hidden = rows.length > 0;
}

// ---- Jobs ----------------------------------------------------------------------------------------------------
async function refreshJobs() {
  if (!ui.project) return;
  const r = await api('GET', '/_emulator/jobs?limit=200&project_id=' + enc(ui.project));
  if (!r.ok) return;
  const jobs = r.json.jobs || [];
  fillTable($('#jobs-table'), jobs.map(job => el('tr', {
      'data-job-id': job.job_id, class: job.job_id === ui.job ? 'selected' : null,
      onclick: () => { ui.job = job.job_id; ui.jobShown = ''; refreshJobs(); }},
    el('td', {text: job.kind}),
    el('td', {class: 'mono', title: job.job_id, text: short(job.job_id)}),
    el('td', {class: 'job-state'}, badge(job.state)),
    el('td', {text: job.progress_total ? job.progress_done + ' / ' + job.progress_total : ''}),
    el('td', {text: job.create_time || ''}),
    el('td', {class: 'error-code', text: job.error_code || ''}))), '#jobs-empty');
  const selected = jobs.find(j => j.job_id === ui.job);
  if (selected) await showJob(selected);
}

async function showJob(job) {
  // Re-rendered only when the job changed, so a playing video is not reset by polling.
  const key = JSON.stringify([job.state, job.queue_state, job.error_code, job.output_asset_id, job.progress_done,
    job.awaiting_advance_to]);
  if (key === ui.jobShown) return;
  ui.jobShown = key;
  const detail = $('#job-detail');
  const fields = ['job_id', 'kind', 'state', 'queue_state', 'error_code', 'error_msg', 'output_asset_id',
    'output_asset_name', 'duration', 'attempts', 'rendered_by', 'awaiting_advance_to', 'create_time', 'start_time',
    'end_time'];
  const kv = el('dl', {class: 'kv'}, fields.filter(f => job[f] !== null && job[f] !== undefined).map(f => [
    el('dt', {text: f}), el('dd', {class: f === 'error_code' ? 'error-code' : null, text: String(job[f])})]));
  const media = el('div', {id: 'job-media'});
  const actions = el('div', {class: 'actions'});
  if (job.awaiting_advance_to || (ui.manualKinds && ui.manualKinds.has(job.kind) && !isTerminal(job.state))) {
    actions.append(el('button', {type: 'button', id: 'job-advance', onclick: () => advance(job.job_id)},
      'Advance to the next state'));
  }
  detail.replaceChildren(el('h2', {text: job.kind + ' job ' + job.job_id}), badge(job.state), kv, actions, media,
    el('h3', {text: 'As the control plane reports it'}), el('pre', {text: pretty(job)}));
  if (job.state === 'SUCCEED') await showOutput(job, media);
}

const isTerminal = (state) => ['SUCCEED', 'FAILED', 'CANCELED'].includes(state);

async function advance(jobId) {
  const r = await api('POST', '/_emulator/jobs/' + enc(jobId) + '/advance');
  setStatus(r.ok ? 'Advanced to ' + (r.json && r.json.state) : 'Advance refused: ' + (r.json?.error_msg || r.status),
    !r.ok);
  ui.jobShown = '';
  refreshJobs();
}

async function showOutput(job, media) {
  if (job.kind === 'VIDEO' && job.output_asset_id) {
    const asset = await findAsset(job.output_asset_id);
    const main = asset && (asset.files || []).find(f => f.asset_file_category === 'MAIN' && f.download_url);
    if (main) {
      media.append(el('h3', {text: 'Output video'}),
        el('video', {id: 'job-video', controls: true, preload: 'auto', src: main.download_url}),
        el('a', {href: main.download_url, download: main.file_name, text: 'Download ' + main.file_name}));
    } else {
      media.append(el('p', {class: 'hint', text: 'Output asset ' + job.output_asset_id + ' has no file yet.'}));
    }
  } else if (job.kind === 'TTS') {
    const r = await api('GET', '/_emulator/projects/' + enc(ui.project) + '/tts-jobs/' + enc(job.job_id) + '/files');
    for (const file of (r.ok && r.json.files) || []) {
      media.append(el('h3', {text: 'Audio'}), el('audio', {controls: true, preload: 'auto', src: file.download_url}),
        el('a', {href: file.download_url, text: 'Download'}));
    }
  }
}

async function findAsset(assetId) {
  let found = ui.assets.find(a => a.asset_id === assetId);
  if (!found) {
    await loadAssets();
    found = ui.assets.find(a => a.asset_id === assetId);
  }
  return found;
}

// ---- Assets --------------------------------------------------------------------------------------------------
async function loadAssets() {
  if (!ui.project) return;
  const r = await api('GET', '/_emulator/projects/' + enc(ui.project) + '/assets?limit=200');
  if (r.ok) ui.assets = r.json.assets || [];
}

let assetsShown = '';
async function refreshAssets() {
  await loadAssets();
  const key = JSON.stringify(ui.assets.map(a => [a.asset_id, a.asset_state, (a.files || []).map(f => f.state)]));
  if (key === assetsShown) return;
  assetsShown = key;
  $('#assets').replaceChildren(...ui.assets.map(assetCard));
  $('#assets-empty').hidden = ui.assets.length > 0;
}

function assetCard(asset) {
  const files = (asset.files || []).filter(f => f.download_url);
  const cover = files.find(f => f.asset_file_category === 'COVER')
    || files.find(f => f.asset_file_category === 'MAIN' && /^image\//.test(mime(f)));
  const main = files.find(f => f.asset_file_category === 'MAIN');
  const card = el('div', {class: 'card', 'data-asset-id': asset.asset_id});
  if (cover) card.append(el('img', {src: cover.download_url, alt: 'cover of ' + asset.asset_name, loading: 'lazy'}));
  card.append(el('div', {class: 'name', text: asset.asset_name}),
    el('div', {class: 'meta'}, asset.asset_type, ' · ', badge(asset.asset_state), ' · ', asset.create_time || ''));
  if (asset.reason) card.append(el('div', {class: 'error-code', text: asset.reason}));
  if (main && /^video\//.test(mime(main))) card.append(el('video', {controls: true, preload: 'none', src: main.download_url}));
  if (main && /^audio\//.test(mime(main))) card.append(el('audio', {controls: true, preload: 'none', src: main.download_url}));
  if (asset.files && asset.files.length) {
    card.append(el('ul', {}, asset.files.map(f => el('li', {},
      f.download_url ? el('a', {href: f.download_url, download: f.file_name, text: f.file_name}) : f.file_name,
      ' (' + f.asset_file_category + ', ' + (f.state || '') + (f.file_size ? ', ' + size(f.file_size) : '') + ')'))));
  }
  card.append(el('div', {class: 'meta mono', text: asset.asset_id}));
  return card;
}

function mime(file) {
  const name = (file.file_name || '').toLowerCase();
  const type = (file.file_type || '').toLowerCase();
  if (type.includes('/')) return type;
  const ext = name.split('.').pop();
  if (['mp4', 'webm', 'mov'].includes(ext) || ['mp4', 'webm', 'mov'].includes(type)) return 'video/' + ext;
  if (['mp3', 'wav', 'ogg', 'aac', 'm4a'].includes(ext) || ['mp3', 'wav'].includes(type)) return 'audio/' + ext;
  if (['png', 'jpg', 'jpeg', 'gif', 'webp'].includes(ext) || ['png', 'jpg', 'jpeg'].includes(type)) return 'image/' + ext;
  return 'application/octet-stream';
}
const size = (n) => n > 1048576 ? (n / 1048576).toFixed(1) + ' MB' : n > 1024 ? Math.round(n / 1024) + ' KB' : n + ' B';

// ---- Journal -------------------------------------------------------------------------------------------------
async function refreshJournal() {
  const form = $('#journal-filters');
  const q = new URLSearchParams({limit: '200'});
  if (!form.all.checked && ui.project) q.set('project_id', ui.project);
  if (form.operation.value.trim()) q.set('operation', form.operation.value.trim());
  if (form.status.value.trim()) q.set('status', form.status.value.trim());
  const r = await api('GET', '/_emulator/requests?' + q);
  if (!r.ok) {
    if (r.json && r.json.error_msg) {
      ui.failed = true;
      setStatus(r.json.error_msg, true);
    }
    return;
  }
  const entries = r.json.requests || [];
  fillTable($('#journal-table'), entries.map(e => el('tr', {
      'data-request-id': e.request_id, class: e.request_id === ui.request ? 'selected' : null,
      onclick: () => { ui.request = e.request_id; showRequest(e); refreshJournal(); }},
    el('td', {text: (e.time || '').replace('T', ' ').replace('Z', '')}),
    el('td', {text: e.method}),
    el('td', {class: 'wrap mono', text: e.path + (e.query ? '?' + e.query : '')}),
    el('td', {text: e.operation || ''}),
    el('td', {}, badge(String(e.status), 's' + String(e.status)[0]), e.error_code ? ' ' + e.error_code : ''),
    el('td', {}, badge(e.auth)),
    el('td', {text: e.duration_ms}))), '#journal-empty');
}

function showRequest(e) {
  $('#request-detail').replaceChildren(
    el('h2', {text: e.method + ' ' + e.path}),
    el('dl', {class: 'kv'},
      ['request_id', 'time', 'operation', 'project_id', 'auth', 'auth_detail', 'status', 'error_code', 'duration_ms',
        'query'].filter(f => e[f] !== null && e[f] !== undefined)
        .map(f => [el('dt', {text: f}), el('dd', {class: f === 'error_code' ? 'error-code' : null, text: String(e[f])})])),
    el('h3', {text: 'Request headers'}), el('pre', {id: 'request-headers', text: pretty(e.request_headers)}),
    el('h3', {text: 'Request body'}), el('pre', {id: 'request-body', text: pretty(e.request_body)}),
    el('h3', {text: 'Response body'}), el('pre', {id: 'response-body', text: pretty(e.response_body)}));
}

// ---- Callbacks -----------------------------------------------------------------------------------------------
async function refreshCallbacks() {
  const r = await api('GET', '/_emulator/callbacks' + (ui.project ? '?project_id=' + enc(ui.project) : ''));
  if (!r.ok) return;
  const deliveries = r.json.callbacks || [];
  fillTable($('#callbacks-table'), deliveries.map(d => el('tr', {
      'data-callback-id': d.id, class: d.id === ui.callback ? 'selected' : null,
      onclick: () => { ui.callback = d.id; showCallback(d); refreshCallbacks(); }},
    el('td', {class: 'mono', title: d.job_id, text: short(d.job_id)}),
    el('td', {class: 'wrap mono', text: d.url}),
    el('td', {}, badge(d.state)),
    el('td', {text: d.attempts}),
    el('td', {text: d.last_status ?? (d.last_error ? 'error' : '')}),
    el('td', {text: d.update_time || ''}))), '#callbacks-empty');
}

function showCallback(d) {
  $('#callback-detail').replaceChildren(el('h2', {text: 'Callback for job ' + d.job_id}),
    el('dl', {class: 'kv'}, ['url', 'state', 'attempts', 'last_status', 'last_error', 'next_attempt_at', 'create_time']
      .filter(f => d[f] !== null && d[f] !== undefined).map(f => [el('dt', {text: f}), el('dd', {text: String(d[f])})])),
    el('h3', {text: 'Body'}), el('pre', {text: pretty(d.body)}));
}

// ---- Fault and progression rules -----------------------------------------------------------------------------
async function refreshRules() {
  const faults = await api('GET', '/_emulator/faults');
  if (faults.status === 404) {
    $('#faults-empty').textContent = 'This server has no fault rules (/_emulator/faults not found).';
  }
  const rules = (faults.ok && faults.json.rules) || [];
  fillTable($('#faults-table'), rules.map(rule => el('tr', {'data-rule-id': rule.rule_id},
    el('td', {class: 'wrap mono', text: describeMatch(rule.match || {})}),
    el('td', {class: 'wrap', text: describeEffect(rule)}),
    el('td', {text: rule.times ?? '∞'}),
    el('td', {text: rule.hits ?? 0}),
    el('td', {}, el('button', {type: 'button', class: 'remove-rule', onclick: () => removeFault(rule.rule_id)},
      'Remove')))), '#faults-empty');

  const progression = await api('GET', '/_emulator/progression');
  if (progression.status === 404) {
    $('#progression-empty').textContent = 'This server has no progression control (/_emulator/progression not found).';
  }
  const modes = (progression.ok && progression.json.rules) || [];
  ui.manualKinds = new Set(modes.filter(m => m.mode === 'manual').map(m => m.job_kind));
  fillTable($('#progression-table'), modes.map(m => el('tr', {'data-job-kind': m.job_kind},
    el('td', {text: m.job_kind}), el('td', {}, badge(m.mode)),
    el('td', {text: m.min_processing_ms ? m.min_processing_ms + ' ms' : ''}),
    el('td', {}, el('button', {type: 'button', onclick: () => removeProgression(m.job_kind)}, 'Restore realtime')))),
  '#progression-empty');
}

function describeMatch(m) {
  const parts = [];
  if (m.callback) parts.push('callbacks');
  if (m.job_kind) parts.push(m.job_kind + ' jobs');
  if (m.operation) parts.push(m.operation);
  if (m.method || m.path) parts.push((m.method || '*') + ' ' + (m.path || '**'));
  if (m.project_id) parts.push('project ' + short(m.project_id));
  return parts.join(' · ') || 'everything';
}

function describeEffect(rule) {
  const parts = [];
  if (rule.job_failure) parts.push('FAILED ' + rule.job_failure.error_code + ' after ' + (rule.job_failure.after_ms || 0) + ' ms');
  if (rule.response && rule.response.fault) parts.push(rule.response.fault);
  if (rule.response && rule.response.status) parts.push(rule.response.status + ' ' + (rule.response.error_code || ''));
  if (rule.delay_ms) parts.push('+' + rule.delay_ms + ' ms');
  if (rule.probability !== undefined && rule.probability < 1) parts.push('p=' + rule.probability);
  return parts.join(', ');
}

async function removeFault(ruleId) {
  const r = await api('DELETE', '/_emulator/faults/' + enc(ruleId));
  setStatus(r.ok ? 'Fault rule removed' : 'Could not remove: ' + (r.json?.error_msg || r.status), !r.ok);
  refreshRules();
}

async function removeProgression(kind) {
  const r = await api('DELETE', '/_emulator/progression/' + enc(kind));
  setStatus(r.ok ? kind + ' back to realtime' : 'Could not restore: ' + (r.json?.error_msg || r.status), !r.ok);
  refreshRules();
}

const number = (input) => input.value.trim() === '' ? undefined : Number(input.value);

function faultBody(form) {
  const target = form.target.value;
  const match = {};
  if (form.this_project.checked && ui.project) match.project_id = ui.project;
  const body = {match};
  if (target === 'job') {
    match.job_kind = form.job_kind.value;
    body.job_failure = {error_code: form.error_code.value.trim(), error_msg: form.error_msg.value.trim(),
      after_ms: number(form.after_ms) ?? 0};
  } else if (target === 'callback') {
    match.callback = true;
    if (form.drop.checked) body.response = {fault: 'DROP'};
    if (number(form.delay_ms) !== undefined) body.delay_ms = number(form.delay_ms);
  } else {
    if (form.operation.value.trim()) match.operation = form.operation.value.trim();
    if (form.method.value) match.method = form.method.value;
    if (form.path.value.trim()) match.path = form.path.value.trim();
    const fault = form.fault.value;
    if (fault === 'CONNECTION_RESET' || fault === 'EMPTY_RESPONSE') body.response = {fault};
    else if (fault === '') body.response = {status: number(form.status), error_code: form.error_code.value.trim(),
      error_msg: form.error_msg.value.trim()};
    if (number(form.delay_ms) !== undefined) body.delay_ms = number(form.delay_ms);
  }
  if (number(form.probability) !== undefined) body.probability = number(form.probability);
  if (number(form.times) !== undefined) body.times = number(form.times);
  return body;
}

function showFormFields(form) {
  const target = form.target.value;
  for (const label of form.querySelectorAll('[data-for]')) {
    label.hidden = !label.dataset.for.split(' ').includes(target);
  }
}

async function addFault(event) {
  event.preventDefault();
  const form = event.target;
  const r = await api('POST', '/_emulator/faults', faultBody(form));
  $('#fault-error').textContent = r.ok ? '' : (r.json?.error_msg || ('HTTP ' + r.status));
  if (r.ok) setStatus('Fault rule ' + r.json.rule_id + ' added');
  refreshRules();
}

async function setProgression(event) {
  event.preventDefault();
  const form = event.target;
  const body = {mode: form.mode.value};
  if (number(form.min_processing_ms) !== undefined) body.min_processing_ms = number(form.min_processing_ms);
  const r = await api('PUT', '/_emulator/progression/' + enc(form.job_kind.value), body);
  $('#progression-error').textContent = r.ok ? '' : (r.json?.error_msg || ('HTTP ' + r.status));
  refreshRules();
}

// ---- Reset ---------------------------------------------------------------------------------------------------
async function reset(all) {
  const r = await api('POST', '/_emulator/reset', all ? {} : {project_id: ui.project});
  $('#reset-result').textContent = r.ok
    ? 'Removed: ' + Object.entries(r.json.removed || {}).map(([k, v]) => k + ' ' + v).join(', ')
    : 'Reset failed: ' + (r.json?.error_msg || ('HTTP ' + r.status));
  ui.job = null; ui.jobShown = ''; ui.request = null; assetsShown = '';
  $('#job-detail').replaceChildren(el('p', {class: 'hint', text: 'Select a job to see its details and output.'}));
  refresh();
}

// ---- Wiring --------------------------------------------------------------------------------------------------
const REFRESH = {jobs: refreshJobs, assets: refreshAssets, journal: refreshJournal, callbacks: refreshCallbacks,
  rules: refreshRules};
let refreshing = false;

async function refresh() {
  if (refreshing) return;
  refreshing = true;
  ui.failed = false;
  try {
    await REFRESH[ui.tab]();
    if (!ui.failed) setStatus('Updated ' + new Date().toLocaleTimeString());
  } catch (e) {
    setStatus('Refresh failed: ' + e.message, true);
  } finally {
    refreshing = false;
  }
}

function selectTab(tab) {
  ui.tab = tab;
  for (const b of document.querySelectorAll('.tabs button')) b.classList.toggle('active', b.dataset.tab === tab);
  for (const s of document.querySelectorAll('.tab')) s.hidden = s.id !== 'tab-' + tab;
  refresh();
}

async function start() {
  const params = new URLSearchParams(location.search);
  if (params.get('project')) ui.project = params.get('project');
  $('#token').value = ui.token;
  const projects = await api('GET', '/_emulator/projects');
  const known = (projects.ok && projects.json.projects) || [];
  $('#projects').replaceChildren(...known.map(p => el('option', {value: p.project_id})));
  if (!ui.project && known.length) ui.project = known[0].project_id;
  $('#project').value = ui.project;
  const coverage = await api('GET', '/_emulator/coverage');
  if (coverage.ok) {
    $('#operations').replaceChildren(...coverage.json.operations.filter(o => o.implemented)
      .map(o => el('option', {value: o.operation})));
  }

  $('#project').addEventListener('change', e => {
    ui.project = e.target.value.trim();
    localStorage.setItem('msemu.project', ui.project);
    ui.job = null; ui.jobShown = ''; ui.assets = []; assetsShown = '';
    refresh();
  });
  $('#token').addEventListener('change', e => {
    ui.token = e.target.value.trim();
    localStorage.setItem('msemu.token', ui.token);
    setStatus('Token saved in this browser');
    refresh();
  });
  for (const b of document.querySelectorAll('.tabs button')) b.addEventListener('click', () => selectTab(b.dataset.tab));
  $('#journal-filters').addEventListener('input', () => refreshJournal());
  $('#journal-filters').addEventListener('submit', e => e.preventDefault());
  $('#journal-clear').addEventListener('click', async () => { await api('DELETE', '/_emulator/requests'); refreshJournal(); });
  const faultForm = $('#fault-form');
  faultForm.target.addEventListener('change', () => showFormFields(faultForm));
  showFormFields(faultForm);
  faultForm.addEventListener('submit', addFault);
  $('#progression-form').addEventListener('submit', setProgression);
  $('#reset-open').addEventListener('click', () => {
    $('#reset-project-label').textContent = ui.project || '(no project)';
    $('#reset-panel').hidden = false;
  });
  $('#reset-cancel').addEventListener('click', () => { $('#reset-panel').hidden = true; $('#reset-result').textContent = ''; });
  $('#reset-project').addEventListener('click', () => reset(false));
  $('#reset-all').addEventListener('click', () => reset(true));

  selectTab(params.get('tab') || 'jobs');
  setInterval(refresh, POLL_MS);
}

start();
