// The conversational-policy lab's report tables (the CLI prints them under the summary), cells already formatted.
import type { ReportTable } from '../../experiment/types';
import { POLICIES, POLICY_LABELS, type ConversationConfig } from './config';

const f3 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(3));

/** Every policy on the test conversations. */
export function reportTables(summary: Record<string, number>, config: Pick<ConversationConfig, 'override' | 'askN'>): ReportTable[] {
  return [
    {
      title: `Test conversations (SR@t: success within t actions, higher is better; AT: average actions, a failure counts 15, lower is better; hDCG: higher is better)${config.override ? ' — test-time override on' : ''}`,
      columns: ['policy', 'SR@5', 'SR@15', 'AT', 'hDCG', 'asks per conversation', 'share of asks accepted'],
      rows: POLICIES.map((id) => [
        id === 'ask-n' ? `ask ${config.askN}, then recommend` : POLICY_LABELS[id],
        f3(summary[`test/sr@5/${id}`]),
        f3(summary[`test/sr@15/${id}`]),
        f3(summary[`test/at/${id}`]),
        f3(summary[`test/hdcg/${id}`]),
        f3(summary[`test/asks/${id}`]),
        f3(summary[`test/accepted/${id}`]),
      ]),
    },
    {
      title: 'Diagnostic: the unified policy decides when to ask, the max-entropy picker decides what',
      columns: ['policy', 'SR@5', 'SR@15', 'AT', 'hDCG', 'asks per conversation', 'share of asks accepted'],
      rows: [['unified switch + max-entropy picker', ...['sr@5', 'sr@15', 'at', 'hdcg', 'asks', 'accepted'].map((m) => f3(summary[`test/${m}/unified-when`]))]],
    },
  ];
}
