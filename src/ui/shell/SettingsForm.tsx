// The lab's settings, generated from its config schema (less those its own panel draws); a refused value is marked
// and explained in place.
import { useMemo, useState } from 'react';
import { parseField } from '../../core/experiment/config';
import { describeSettings, type SettingSpec } from '../../core/experiment/settings';
import { selectConfig, selectIsActive, selectLab } from '../../state/selectors';
import { useLabStore } from '../appStore';

function NumberField({ spec, value, disabled }: { spec: Extract<SettingSpec, { kind: 'integer' | 'number' }>; value: number; disabled: boolean }) {
  const lab = useLabStore(selectLab);
  const set = useLabStore((s) => s.setConfigValue);
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const check = parseField(lab, spec.key, text.trim() === '' ? NaN : Number(text));
  const error = check.ok ? null : check.issue.message;
  return (
    <label className="field">
      <span className="field-label">{spec.label}</span>
      <input
        type="number"
        name={spec.key}
        value={text}
        min={spec.exclusiveMin ? undefined : spec.min}
        max={spec.max}
        step={spec.kind === 'integer' ? 1 : 'any'}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={`help-${spec.key}`}
        onChange={(e) => {
          setDraft(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value.trim() !== '' && parseField(lab, spec.key, n).ok) set(spec.key, n);
        }}
        onBlur={() => setDraft(null)}
      />
      <span id={`help-${spec.key}`} className={error ? 'field-error' : 'field-help'} role={error ? 'alert' : undefined}>
        {error ?? spec.help}
      </span>
    </label>
  );
}

export function SettingsForm() {
  const lab = useLabStore(selectLab);
  const config = useLabStore(selectConfig);
  const set = useLabStore((s) => s.setConfigValue);
  const resetConfig = useLabStore((s) => s.resetConfig);
  const busy = useLabStore(selectIsActive);
  // A classroom link may lock settings (shown, not changeable) or hide them.
  const classroom = useLabStore((s) => s.classroom);
  const specs = useMemo(() => describeSettings(lab).filter((s) => !s.panel && !classroom.hide.includes(s.key)), [lab, classroom]);
  const live = new Set(lab.liveKeys ?? []);
  const locked = (key: string) => classroom.lock.includes(key) || (busy && !live.has(key));
  return (
    <form className="settings" aria-label="Settings" onSubmit={(e) => e.preventDefault()}>
      <div className="settings-head">
        <h2>Settings</h2>
        {classroom.lock.length ? (
          <span className="muted small" data-testid="settings-locked">some are locked by this link</span>
        ) : (
          <button type="button" className="link" onClick={resetConfig} disabled={busy}>
            defaults
          </button>
        )}
      </div>
      {busy ? <p className="muted small">{live.size ? 'Changes to the panel’s live settings apply from the next step; reset the run to change the rest.' : 'Reset the run to change settings.'}</p> : null}
      {specs.map((spec) =>
        spec.kind === 'choice' ? (
          <label className="field" key={spec.key}>
            <span className="field-label">{spec.label}</span>
            <select name={spec.key} value={String(config[spec.key])} disabled={locked(spec.key)} onChange={(e) => set(spec.key, e.target.value)}>
              {spec.choices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
            <span className="field-help">{spec.help}</span>
          </label>
        ) : spec.kind === 'text' ? (
          <label className="field" key={spec.key}>
            <span className="field-label">{spec.label}</span>
            <input type="text" name={spec.key} value={String(config[spec.key] ?? '')} disabled={locked(spec.key)} onChange={(e) => set(spec.key, e.target.value)} />
            <span className="field-help">{spec.help}</span>
          </label>
        ) : spec.kind === 'boolean' ? (
          <label className="field check" key={spec.key}>
            <input type="checkbox" name={spec.key} checked={Boolean(config[spec.key])} disabled={locked(spec.key)} onChange={(e) => set(spec.key, e.target.checked)} />
            <span className="field-label">{spec.label}</span>
            <span className="field-help">{spec.help}</span>
          </label>
        ) : (
          <NumberField key={`${lab.id}.${spec.key}`} spec={spec} value={Number(config[spec.key])} disabled={locked(spec.key)} />
        ),
      )}
    </form>
  );
}
