// "Copy link" for a class: the lab and its settings as now, plus the lesson step to open at, settings to lock or hide,
// and whether to hide the backend picker. The link is shown too, for when the clipboard is refused.
import { useMemo, useState } from 'react';
import { describeSettings } from '../../core/experiment/settings';
import { selectConfig, selectLab } from '../../state/selectors';
import { BACKEND_KEY, lockableKeys, withClassroom } from '../../state/lessonUrl';
import { writeUrl } from '../../state/url';
import { useLabStore } from '../appStore';

type Mode = 'free' | 'lock' | 'hide';

export function ClassroomLink({ step }: { step: number }) {
  const lab = useLabStore(selectLab);
  const config = useLabStore(selectConfig);
  const backend = useLabStore((s) => s.backend);
  const classroom = useLabStore((s) => s.classroom);
  const keys = useMemo(() => lockableKeys(lab.id), [lab]);
  const labels = useMemo(() => new Map(describeSettings(lab).map((s) => [s.key, s.label])), [lab]);
  const [atStep, setAtStep] = useState(true);
  const [modes, setModes] = useState<Record<string, Mode>>(() =>
    Object.fromEntries(keys.map((k) => [k, classroom.hide.includes(k) ? 'hide' : classroom.lock.includes(k) ? 'lock' : 'free'])),
  );
  const [copied, setCopied] = useState<string | null>(null);
  const pick = (m: Mode) => keys.filter((k) => modes[k] === m);
  const link = `${location.origin}${location.pathname}${withClassroom(writeUrl(lab.id, backend, config), { lessonStep: atStep ? step : null, lock: pick('lock'), hide: pick('hide') })}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Copied.');
    } catch {
      setCopied('The browser refused the clipboard: copy the link below.');
    }
  };
  return (
    <details className="classroom" data-testid="classroom">
      <summary>Classroom link</summary>
      <p className="muted small">A link that opens this lab with its settings as they are now. Locked settings show but cannot be changed; hidden ones are left out.</p>
      <label className="field check">
        <input type="checkbox" checked={atStep} onChange={(e) => setAtStep(e.target.checked)} data-testid="classroom-at-step" />
        <span className="field-label">Open the lesson at step {step + 1}</span>
      </label>
      <div className="classroom-keys">
        {keys.map((k) => (
          <label key={k} className="classroom-key">
            <span>{k === BACKEND_KEY ? 'Backend picker' : (labels.get(k) ?? k)}</span>
            <select value={modes[k]} onChange={(e) => setModes({ ...modes, [k]: e.target.value as Mode })} data-testid={`classroom-${k}`}>
              <option value="free">free</option>
              <option value="lock">lock</option>
              <option value="hide">hide</option>
            </select>
          </label>
        ))}
      </div>
      <div className="classroom-copy">
        <button className="primary" onClick={() => void copy()} data-testid="classroom-copy">
          Copy link
        </button>
        {copied ? (
          <span className="small" role="status">
            {copied}
          </span>
        ) : null}
      </div>
      <input className="classroom-url" readOnly value={link} aria-label="Classroom link" onFocus={(e) => e.target.select()} data-testid="classroom-url" />
    </details>
  );
}
