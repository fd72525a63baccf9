// A file picker that also takes files dropped on it; hands their bytes to `onFiles`.
import { useRef, useState, type DragEvent } from 'react';
import { DEFAULT_MAX_BYTES } from '../../core/data/import';
import type { ImportFile } from '../../core/data/import/detectFormat';

export type PickedFile = ImportFile;

/** Reads the files' bytes, except files over the import limit: those go by name and size only (the import refuses them, naming the size). */
async function read(list: FileList | File[]): Promise<PickedFile[]> {
  return Promise.all(
    Array.from(list, async (f) =>
      f.size > DEFAULT_MAX_BYTES ? { name: f.name, bytes: new Uint8Array(0), size: f.size } : { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) },
    ),
  );
}

/** Every file under a dropped entry: a dropped MovieLens folder gives its files (readEntries returns batches). */
async function filesOf(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) return [await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail))];
  if (!entry.isDirectory) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (!batch.length) break;
    children.push(...batch);
  }
  return (await Promise.all(children.map(filesOf))).flat();
}

/** The dropped files, with folders opened (where the browser supports entries). */
async function dropped(data: DataTransfer): Promise<File[]> {
  const entries = Array.from(data.items, (i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => Boolean(e));
  return entries.length ? (await Promise.all(entries.map(filesOf))).flat() : Array.from(data.files);
}

export interface DropZoneProps {
  onFiles: (files: PickedFile[]) => void;
  /** Files were chosen; their bytes are being read. */
  onStart?: () => void;
  /** Reading the chosen files failed (a folder that vanished, a permission error). */
  onReadError?: (why: string) => void;
  disabled?: boolean;
}

export function DropZone({ onFiles, onStart, onReadError, disabled }: DropZoneProps) {
  // Each pick gets a number: files still being read when a newer pick starts (after a Cancel) are dropped.
  const picks = useRef(0);
  const take = async (pick: () => Promise<File[]> | File[]) => {
    const n = ++picks.current;
    try {
      const files = await pick();
      if (!files.length) return;
      onStart?.();
      const bytes = await read(files);
      if (n === picks.current) onFiles(bytes);
    } catch (e) {
      if (n === picks.current) onReadError?.(e instanceof Error ? e.message : String(e));
    }
  };
  const [over, setOver] = useState(false);
  const drop = async (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    await take(() => dropped(e.dataTransfer));
  };
  return (
    <label
      className={over ? 'dropzone over' : 'dropzone'}
      data-testid="dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <input
        type="file"
        multiple
        disabled={disabled}
        data-testid="file-input"
        onChange={async (e) => {
          const list = e.target.files ? Array.from(e.target.files) : [];
          await take(() => list);
          e.target.value = '';
        }}
      />
      <span>
        <b>Import your data:</b> drop files or a folder here, or click to pick files — MovieLens 100K (<code>u.data</code> +{' '}
        <code>u.item</code>), MovieLens latest (<code>ratings.csv</code> + <code>movies.csv</code>), or a CSV/TSV of
        user, item[, rating][, timestamp] with an optional item,genres file; any of these with an optional{' '}
        <code>item_attributes.tsv</code> of item, relation, entity rows.
      </span>
    </label>
  );
}
