// The buckets view's switches: items by popularity or users by activity, Recall or NDCG, scores or gain over BPR-MF.
export type Grouping = 'popularity' | 'activity';
export type BucketShow = 'scores' | 'gain';

interface Props {
  grouping: Grouping;
  setGrouping: (g: Grouping) => void;
  metric: 'recall' | 'ndcg';
  setMetric: (m: 'recall' | 'ndcg') => void;
  show: BucketShow;
  setShow: (s: BucketShow) => void;
  k: number;
}

function Radios<T extends string>({ legend, name, value, options, set, testId }: { legend: string; name: string; value: T; options: [T, string][]; set: (v: T) => void; testId: string }) {
  return (
    <fieldset className="kg-radios" data-testid={testId}>
      <legend>{legend}</legend>
      {options.map(([v, text]) => (
        <label key={v} className={v === value ? 'kg-picked' : undefined}>
          <input type="radio" name={name} value={v} checked={v === value} onChange={() => set(v)} /> {text}
        </label>
      ))}
    </fieldset>
  );
}

export function BucketPickers({ grouping, setGrouping, metric, setMetric, show, setShow, k }: Props) {
  return (
    <div className="kg-pickers">
      <Radios legend="buckets" name="kg-grouping" value={grouping} set={setGrouping} testId="kgat-buckets-grouping" options={[['popularity', 'items by popularity'], ['activity', 'users by activity']]} />
      <Radios legend="metric" name="kg-bucket-metric" value={metric} set={setMetric} testId="kgat-buckets-metric" options={[['recall', `Recall@${k}`], ['ndcg', `NDCG@${k}`]]} />
      <Radios legend="show" name="kg-bucket-show" value={show} set={setShow} testId="kgat-buckets-show" options={[['scores', 'scores'], ['gain', 'gain over BPR-MF (%)']]} />
    </div>
  );
}
