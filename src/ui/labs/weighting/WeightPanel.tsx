// The weighting lab's controls: a slider per objective (shares and sum shown), the method picker and, beside them,
// the compact trade-off plot, so that with the accuracy charts right below everything fits one 1280×800 screen.
import { useShallow } from 'zustand/react/shallow';
import { LOSS_METHODS, METHOD_INFO, REWARD_METHODS, type WeightingMethod } from '../../../core/labs/weighting/methods';
import { OBJECTIVES } from '../../../core/labs/weighting/objectives';
import { selectConfig, selectIsActive } from '../../../state/selectors';
import { useLabStore } from '../../appStore';
import { TradeoffPlot } from './TradeoffPlot';

/** One-click teaching presets (DVAO in each; switch to RC or AC to compare): what to set, and what to watch for. */
const PRESETS: { id: string; label: string; watch: string; settings: Record<string, unknown> }[] = [
  {
    id: 'noisy',
    label: 'Noisy objective',
    watch: 'noise on novelty: its z-weight b σ / Σ b σ rises under DVAO and RC alike; AC keeps b',
    settings: { method: 'dvao', noisyObjective: 'novelty', noiseLevel: 0.3, diversityReward: 'ild', wRelevance: 0.6, wDiversity: 0.3, wNovelty: 0.1 },
  },
  {
    id: 'saturating',
    label: 'Saturating objective',
    watch: 'every slate covers two genres: σ = 0, diversity adds nothing under any method; RC and DVAO pass its share on, AC and GDPO lose it',
    settings: { method: 'dvao', noisyObjective: 'none', diversityReward: 'span', wRelevance: 0.6, wDiversity: 0.3, wNovelty: 0.1 },
  },
  {
    id: 'conflict',
    label: 'Conflicting objectives',
    watch: 'relevance vs novelty: DVAO’s step is each group’s agreement (below 1), RC’s stays at 1',
    settings: { method: 'dvao', noisyObjective: 'none', diversityReward: 'ild', wRelevance: 0.5, wDiversity: 0, wNovelty: 0.5 },
  },
];

export function WeightPanel() {
  const config = useLabStore(useShallow(selectConfig));
  const set = useLabStore((s) => s.setConfigValue);
  const busy = useLabStore(selectIsActive);
  const sum = OBJECTIVES.reduce((a, o) => a + Number(config[o.weightKey]), 0);
  const method = config.method as WeightingMethod;
  const info = METHOD_INFO[method];
  return (
    <section className="weight-panel" aria-label="Objective weights" data-testid="weight-panel">
      <div className="wp-grid">
      <div className="sliders">
        {OBJECTIVES.map((o) => {
          const w = Number(config[o.weightKey]);
          return (
            <label key={o.weightKey} className="slider">
              <span className="field-label">{o.sliderLabel}</span>
              <input type="range" min={0} max={1} step={0.05} value={w} aria-label={`${o.sliderLabel} weight`} aria-valuetext={`${w.toFixed(2)}${sum > 0 ? `, ${Math.round((100 * w) / sum)}% of the sum` : ''}`} data-testid={`slider-${o.weightKey}`} onChange={(e) => set(o.weightKey, Number(e.target.value))} />
              {/* The weight where the thumb sits (0–1), then its share of the sum: 0.60 · 40%, never 40% alone beside a thumb at 0.6. */}
              <span className="share" data-testid={`slider-value-${o.weightKey}`}>
                {w.toFixed(2)} <span className="muted small">· {sum > 0 ? `${Math.round((100 * w) / sum)}%` : '—'}</span>
              </span>
            </label>
          );
        })}
        <p className={sum > 0 ? 'muted small' : 'field-error'}>
          {sum > 0 ? `Sum ${sum.toFixed(2)}: weights are used as shares of it. Changes apply from the next step, marked on the step charts.` : 'All weights are 0: give one objective a weight.'}
        </p>
      </div>
      <div className="method">
        <label className="field">
          <span className="field-label">Method</span>
          <select value={method} disabled={busy} onChange={(e) => set('method', e.target.value)} data-testid="method-select">
            <optgroup label="Reward side (REINFORCE on sampled slates)">
              {REWARD_METHODS.map((m) => (
                <option key={m} value={m}>
                  {METHOD_INFO[m].name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Loss side (differentiable surrogates)">
              {LOSS_METHODS.map((m) => (
                <option key={m} value={m}>
                  {METHOD_INFO[m].name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <p className="small">
          <b>{info.kind === 'hand' ? 'Hand-set' : 'Automatic'}:</b> {info.line} <span className="muted">({info.paper})</span>
        </p>
        <p className="small" data-testid="applied-weights-note">
          <b>Weights chart:</b> {info.applied}
        </p>
        <div className="presets" role="group" aria-label="Teaching presets">
          {PRESETS.map((p) => (
            <button key={p.id} type="button" disabled={busy} title={p.watch} data-testid={`preset-${p.id}`} onClick={() => Object.entries(p.settings).forEach(([k, v]) => set(k, v))}>
              {p.label}
            </button>
          ))}
        </div>
      </div>
      <TradeoffPlot />
      </div>
    </section>
  );
}
