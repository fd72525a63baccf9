// A file picker that also takes files dropped on it; hands their bytes to `onFiles`.
import { useState, type DragEvent } from 'react';

export type PickedFile = { name: string; bytes: Uint8Array };

async function read(list: FileList | File[]): Promise<PickedFile[]> {
  return Promise.all(Array.from(list, async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

export function DropZone({ onFiles, disabled }: { onFiles: (files: PickedFile[]) => void; disabled?: boolean }) {
  const [over, setOver] = useState(false);
  const drop = async (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled && e.dataTransfer.files.length) onFiles(await read(e.dataTransfer.files));
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
          if (e.target.files?.length) onFiles(await read(e.target.files));
          e.target.value = '';
        }}
      />
      <span>
        <b>Import your data:</b> drop files here or click to pick them — MovieLens 100K (<code>u.data</code> +{' '}
        <code>u.item</code>), MovieLens latest (<code>ratings.csv</code> + <code>movies.csv</code>), or a CSV/TSV of
        user, item[, rating][, timestamp] with an optional item,genres file.
      </span>
    </label>
  );
}
