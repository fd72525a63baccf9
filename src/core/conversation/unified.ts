// UNICORN's unified conversational policy: one double DQN over the union of the attribute and item actions.
import type { ConversationAction } from './environment';
import { encodeUnifiedActions, unifiedActionDim } from './policyFeatures';
import { argMaxRange, type ActionDesign } from './policyTraining';

/**
 * The unified action space: the offered attributes (top listSize) then the offered items (top listSize by score),
 * one Q-value each (features: {@link encodeUnifiedActions}). Choosing attribute row k asks it. Choosing **any**
 * item row recommends now, as the official code does: the list is every offered item, ordered by Q descending
 * (the chosen one first — under ε-exploration it may not be the Q-best). So all item actions mean "recommend
 * now" and their Q-values rank the list; the item set itself is the score's top listSize.
 */
export const UNIFIED: ActionDesign = {
  name: 'unified',
  actionDim: unifiedActionDim,
  maxCandidates: (options) => 2 * options.listSize,
  candidates: encodeUnifiedActions,
  toAction(view, index, q): ConversationAction {
    const na = view.actions.attributes.length;
    if (index < na) return { kind: 'ask', attribute: view.actions.attributes[index] };
    const rows = view.actions.items.map((_, r) => na + r).filter((k) => k !== index);
    rows.sort((a, b) => q[b] - q[a] || a - b);
    return { kind: 'recommend', items: [index, ...rows].map((k) => view.actions.items[k - na]) };
  },
  recommendIndex: (view, q) => argMaxRange(q, view.actions.attributes.length, q.length),
  describe: (view) => [...view.actions.attributes.map((attribute) => ({ kind: 'ask' as const, attribute })), ...view.actions.items.map((item) => ({ kind: 'recommend' as const, item }))],
};
