// The separated baseline (EAR / SCPR style): a learned ask-or-recommend switch over fixed attribute and item pickers.
import type { ConversationAction } from './environment';
import { maxEntropyAttribute } from './policyFeatures';
import type { ActionDesign } from './policyTraining';

const ASK = Float32Array.of(1, 0);
const RECOMMEND = Float32Array.of(0, 1);

/**
 * Two candidate actions with fixed one-hot features — ask [1, 0], recommend [0, 1] — over the same state features
 * as the unified policy; only "recommend" is offered when no attribute is left. Ask hands off to a fixed picker
 * (largest weighted entropy among the offered attributes, {@link maxEntropyAttribute}); recommend to a fixed
 * ranker (the top listSize candidates by item score). The DQN learns only when to switch.
 */
export const SEPARATED: ActionDesign = {
  name: 'separated',
  actionDim: () => 2,
  maxCandidates: () => 2,
  candidates(view) {
    if (view.actions.attributes.length === 0) return RECOMMEND.slice();
    const out = new Float32Array(4);
    out.set(ASK, 0);
    out.set(RECOMMEND, 2);
    return out;
  },
  toAction(view, index): ConversationAction {
    if (index === 0 && view.actions.attributes.length > 0) return { kind: 'ask', attribute: maxEntropyAttribute(view) };
    return { kind: 'recommend', items: view.actions.items };
  },
  recommendIndex: (view) => (view.actions.attributes.length > 0 ? 1 : 0),
  describe: (view) => (view.actions.attributes.length > 0 ? [{ kind: 'ask', attribute: maxEntropyAttribute(view) }, { kind: 'recommend' }] : [{ kind: 'recommend' }]),
};
