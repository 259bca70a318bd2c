/**
 * Offline drafts of a verification task: a researcher in a house with poor reception loses nothing to a
 * dropped connection or a reload. Answers go to localStorage (small, synchronous); photos go to IndexedDB
 * as data URLs (large), falling back to localStorage when IndexedDB is missing.
 */
import type { TaskRecommendation } from './api';

export interface TaskFormValues {
  answers: Record<string, unknown>;
  findings: string;
  recommendation: TaskRecommendation | null;
}

export interface DraftPhoto {
  localId: string;
  name: string;
  dataUrl: string;
  /** Set once the server holds it, so a retry never uploads it twice. */
  uploadedId: string | null;
}

interface StoredDraft {
  values: TaskFormValues;
  savedAt: string;
}

const valuesKey = (taskId: string) => `wasl.verification-draft.${taskId}`;
const photosKey = (taskId: string) => `wasl.verification-photos.${taskId}`;

export function loadDraft(taskId: string): StoredDraft | null {
  try {
    const raw = localStorage.getItem(valuesKey(taskId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredDraft;
    return parsed && typeof parsed === 'object' && parsed.values ? parsed : null;
  } catch {
    return null;
  }
}

/** Returns when the draft was saved, or null when the device refused (private mode, full storage). */
export function saveDraft(taskId: string, values: TaskFormValues): string | null {
  const savedAt = new Date().toISOString();
  try {
    localStorage.setItem(valuesKey(taskId), JSON.stringify({ values, savedAt } satisfies StoredDraft));
    return savedAt;
  } catch {
    return null;
  }
}

const dbName = 'wasl-drafts';
const storeName = 'photos';

function openDb(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    try {
      const request = indexedDB.open(dbName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(storeName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

async function idb<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest,
): Promise<T | null> {
  const db = await openDb();
  if (!db) return null;
  return new Promise((resolve) => {
    try {
      const tx = db.transaction(storeName, mode);
      const request = run(tx.objectStore(storeName));
      tx.oncomplete = () => {
        db.close();
        resolve((request.result as T) ?? null);
      };
      tx.onerror = () => {
        db.close();
        resolve(null);
      };
    } catch {
      db.close();
      resolve(null);
    }
  });
}

export async function loadPhotos(taskId: string): Promise<DraftPhoto[]> {
  const stored = await idb<DraftPhoto[]>('readonly', (s) => s.get(taskId));
  if (stored) return stored;
  try {
    const raw = localStorage.getItem(photosKey(taskId));
    return raw ? (JSON.parse(raw) as DraftPhoto[]) : [];
  } catch {
    return [];
  }
}

export async function savePhotos(taskId: string, photos: DraftPhoto[]): Promise<boolean> {
  const db = await openDb();
  if (db) {
    db.close();
    const done = await idb<IDBValidKey>('readwrite', (s) => s.put(photos, taskId));
    if (done !== null) return true;
  }
  try {
    localStorage.setItem(photosKey(taskId), JSON.stringify(photos));
    return true;
  } catch {
    return false;
  }
}

export async function clearDraft(taskId: string): Promise<void> {
  try {
    localStorage.removeItem(valuesKey(taskId));
    localStorage.removeItem(photosKey(taskId));
  } catch {
    // Nothing stored.
  }
  await idb('readwrite', (s) => s.delete(taskId));
}

export function dataUrlToBlob(dataUrl: string): Blob {
  const [head = '', body = ''] = dataUrl.split(',', 2);
  const type = /data:([^;]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  const bytes = atob(body);
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) out[i] = bytes.charCodeAt(i);
  return new Blob([out], { type });
}

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * A camera photo as a data URL, scaled down to at most 1600 px when it is large: smaller drafts and a
 * faster upload on a weak connection. Small files are kept as they are.
 */
export async function photoToDataUrl(file: File): Promise<string> {
  if (file.size <= 1_000_000 || typeof createImageBitmap === 'undefined') return readAsDataUrl(file);
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return canvas.toDataURL('image/jpeg', 0.85);
  } catch {
    return readAsDataUrl(file);
  }
}
