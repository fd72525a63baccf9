// A category-axis tick that wraps its label over lines instead of being skipped: with `interval={0}` every bar
// group keeps its label, however narrow the chart (a phone).
import { wrapLabel } from './wrapLabel';

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

/** `tick={wrappedTick(12)}` on an XAxis: the label centred under its group, `max` characters a line. */
export const wrappedTick =
  (max: number, fontSize = 11) =>
  ({ x = 0, y = 0, payload }: TickProps) => (
    <text x={Number(x)} y={Number(y) + 4} textAnchor="middle" fontSize={fontSize} fill="#555">
      {wrapLabel(String(payload?.value ?? ''), max).map((line, i) => (
        <tspan key={i} x={Number(x)} dy={i === 0 ? '0.71em' : '1.1em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
