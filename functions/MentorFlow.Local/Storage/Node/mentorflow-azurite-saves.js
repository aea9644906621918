// MentorFlow: loaded into Azurite with `node --require` (never edits Azurite's files). Written for Azurite 3.37.0's
// LokiJS 1.5.12; AzuriteInstaller pins that version, and AzuriteSavesTests fails if the hook stops applying.
//
// Why: Azurite keeps the metadata of tables, queues and blobs in LokiJS databases in memory and saves each one to its
// JSON file on a 5 s autosave timer, so a kill -9 of Azurite loses up to 5 s of acknowledged writes.
// What: (1) every LokiJS database with autosave is saved on our own short timer instead, only when it changed: all
// changed databases are serialized in one synchronous turn (a consistent cut across tables, queues and blobs),
// written to temporary files, then renamed into place together, so a kill never leaves half a file nor files of
// different moments (a kill within the few microseconds of the renames still could); (2) on request, this says
// how far the databases are on disk: a host writes any new content to <location>/mentorflow-save-request, and the
// next tick writes <location>/mentorflow-saved.json {"upTo": ms, "request": content}, meaning every change Azurite
// applied before `upTo` (Unix ms) is in the files. A host that acknowledges a write only once upTo >= the time its
// storage calls returned knows the write survives a kill -9 of Azurite.
'use strict';

const fs = require('fs');
const path = require('path');
const Module = require('module');

const intervalMs = Math.max(10, Number(process.env.MENTORFLOW_AZURITE_SAVE_INTERVAL_MS) || 100);
const requestFileName = 'mentorflow-save-request';
const markerFileName = 'mentorflow-saved.json';
const patched = new WeakSet();
const databases = new Set(); // { db, directory, upTo }
const lastRequest = new Map(); // directory -> request content answered last
let timer = null;

const originalLoad = Module._load;
Module._load = function load(request) {
  const exported = originalLoad.apply(this, arguments);
  if (request === 'lokijs' && typeof exported === 'function' && !patched.has(exported)) {
    patched.add(exported);
    patch(exported);
  }
  return exported;
};

function patch(Loki) {
  const originalDisable = Loki.prototype.autosaveDisable;
  // Azurite asks for autosave every 5 s; this database is saved by the shared short timer instead.
  Loki.prototype.autosaveEnable = function autosaveEnable() {
    this.autosave = true;
    databases.add({ db: this, directory: path.dirname(path.resolve(this.filename)), upTo: 0 });
    if (!timer) {
      // Unref'd: when Azurite closes its servers and databases on SIGTERM, this timer must not keep node alive.
      timer = setInterval(tick, intervalMs);
      timer.unref();
    }
  };
  Loki.prototype.autosaveDisable = function autosaveDisable() {
    for (const entry of databases) {
      if (entry.db === this) {
        databases.delete(entry);
      }
    }
    if (databases.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
    return originalDisable.apply(this, arguments);
  };
}

let saving = false;

function tick() {
  if (saving) {
    return; // the last group is still being written; requests wait for the next tick
  }
  // Requests are read before anything else: one read now is answered with an upTo no earlier than this moment, which
  // is after the requester's writes returned.
  const requests = readRequests();
  const at = Date.now();
  // One consistent cut: every changed database is serialized in this same synchronous turn, so the files never mix a
  // table state with an older queue state (the durable engine sends its messages before it writes its history).
  const group = [];
  for (const entry of databases) {
    const db = entry.db;
    if (db.autosaveDirty()) {
      group.push({ entry, file: db.filename, data: db.serialize() });
      db.autosaveClearFlags();
    }
  }
  if (group.length === 0) {
    for (const entry of databases) {
      if (!entry.db.throttledSavePending) {
        entry.upTo = Math.max(entry.upTo, at); // nothing changed and nothing in flight: all of it is on disk
      }
    }
    answerRequests(requests);
    return;
  }
  saving = true;
  Promise.all(group.map((item) => fs.promises.writeFile(item.file + '~mf', item.data))).then(() => {
    // All written: now swap them in together, synchronously (microseconds), as close to atomic as files allow.
    for (const item of group) {
      if (databases.has(item.entry)) {
        fs.renameSync(item.file + '~mf', item.file);
      }
    }
    for (const entry of databases) {
      if (!entry.db.throttledSavePending) {
        entry.upTo = Math.max(entry.upTo, at);
      }
    }
    saving = false;
    answerRequests(requests);
  }).catch(() => {
    // Save again next tick.
    for (const item of group) {
      for (const collection of item.entry.db.collections) {
        collection.dirty = true;
      }
    }
    saving = false;
  });
}

function readRequests() {
  const requests = new Map();
  for (const entry of databases) {
    if (requests.has(entry.directory)) {
      continue;
    }
    try {
      const request = fs.readFileSync(path.join(entry.directory, requestFileName), 'utf8');
      if (lastRequest.get(entry.directory) !== request) {
        requests.set(entry.directory, request);
      }
    } catch {
      // Nobody asked.
    }
  }
  return requests;
}

function answerRequests(requests) {
  for (const [directory, request] of requests) {
    let upTo = Infinity;
    for (const entry of databases) {
      if (entry.directory === directory) {
        upTo = Math.min(upTo, entry.upTo);
      }
    }
    try {
      const marker = path.join(directory, markerFileName);
      fs.writeFileSync(marker + '.tmp', JSON.stringify({ upTo, request }));
      fs.renameSync(marker + '.tmp', marker);
      lastRequest.set(directory, request);
    } catch {
      // The next tick tries again.
    }
  }
}
