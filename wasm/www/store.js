// The user's work, kept in the browser's own storage (IndexedDB) as they work, and the history of
// edits for undo and redo. Nothing leaves the browser.

const DB = 'fordeling';
const STORE = 'work';
let db = null;

function open() {
  db ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return db;
}

/** The value stored under a key, or undefined (also when the browser refuses storage). */
export async function load(key) {
  try {
    const d = await open();
    return await new Promise((resolve, reject) => {
      const req = d.transaction(STORE).objectStore(STORE).get(key);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  } catch {
    return undefined;
  }
}

/** Stores a value (structured clone) under a key; resolves to false when the browser refuses. */
export async function save(key, value) {
  try {
    const d = await open();
    return await new Promise((resolve, reject) => {
      const tx = d.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(value, key);
      tx.oncomplete = () => resolve(true);
      tx.onerror = () => reject(tx.error);
    });
  } catch {
    return false;
  }
}

/**
 * Undo and redo over snapshots (JSON text of the work). Edits of the same field within `mergeMs`
 * of each other, without leaving the field, are one step, so undo takes back a typed value, not one
 * keystroke.
 */
export class History {
  constructor(limit = 200, mergeMs = 1000) {
    Object.assign(this, { limit, mergeMs, past: [], future: [], current: null, lastKey: null, lastAt: 0 });
  }

  /** Starts over at a snapshot (nothing to undo). */
  reset(snapshot) {
    Object.assign(this, { past: [], future: [], current: snapshot, lastKey: null });
  }

  /** Records a new snapshot after an edit; `key` names the field edited (for merging). */
  record(snapshot, key = null, now = Date.now()) {
    if (snapshot === this.current) return;
    const merge = key !== null && key === this.lastKey && now - this.lastAt < this.mergeMs && this.past.length > 0;
    if (!merge && this.current !== null) this.past.push(this.current);
    if (this.past.length > this.limit) this.past.shift();
    Object.assign(this, { current: snapshot, future: [], lastKey: key, lastAt: now });
  }

  /** The next edit is a step of its own (the field being typed in was left). */
  endMerge() { this.lastKey = null; }

  canUndo() { return this.past.length > 0; }
  canRedo() { return this.future.length > 0; }

  /** The snapshot before the current one, or null. */
  undo() {
    if (!this.canUndo()) return null;
    this.future.push(this.current);
    this.current = this.past.pop();
    this.lastKey = null;
    return this.current;
  }

  /** The snapshot undone last, or null. */
  redo() {
    if (!this.canRedo()) return null;
    this.past.push(this.current);
    this.current = this.future.pop();
    this.lastKey = null;
    return this.current;
  }
}
