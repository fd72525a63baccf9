// The conversational-policy lesson: rules first, the two learned policies side by side, what the unified one loses
// on, popular targets, and the official code's hand-written switch.
import type { LessonPlan } from '../../lessons/lessonPlan';

export const conversationLesson: LessonPlan = {
  // Workshop, where a target can be hard to find, with a short training: each step runs in well under a minute.
  base: { dataset: 'workshop', trainingEpisodes: 400, evalEvery: 100, validEpisodes: 100, testEpisodes: 300, pretrainEpochs: 3, replayEpisodes: 20 },
  defaultRun:
    '{default:trainingEpisodes} training conversations for each learned policy on {default:dataset}, scored on {default:testEpisodes} test conversations, one seed; the lesson’s steps train fewer conversations, also on workshop.',
  steps: [
    {
      title: 'Ask or recommend?',
      task: 'Apply the step (workshop, long-tail targets, a short training) and press ▶ Train; read the table under the charts.',
      settings: {},
      watch: { target: 'conv-test', name: 'Every policy on the test conversations' },
      question: 'Of the three rules, which finds the most targets within 15 turns, and which finds them soonest (SR@5)?',
      explanation: 'The rules need no training, so their numbers are the same however long the learned policies train. For a target the scorer ranks low, ten items a turn ' +
        'rarely reach it: a question the user answers yes keeps only the items that have the attribute. Recorded on workshop (long-tail targets): asking 3 ' +
        'attributes first finds {finding:conversation.asking-helps/ask-n} of the targets against {finding:conversation.asking-helps/abs-greedy} for always ' +
        'recommending; Max Entropy, which asks until 10 or fewer candidates remain, finds fewer ({finding:conversation.asking-helps/max-entropy}) and later ' +
        '(AT {finding:conversation.asking-helps/max-entropy-at:1} against {finding:conversation.asking-helps/abs-greedy-at:1}): most of its questions are ' +
        'answered no, and a no does not filter the candidates, so it keeps asking and recommends late ({measured:conversation.asking-helps}).',
    },
    {
      title: 'Two learned policies, turn by turn',
      task: 'Open the replay, pick a conversation the unified and the separated policy end differently, and step through both.',
      settings: {},
      watch: { target: 'conv-replay', name: 'A test conversation, turn by turn' },
      question: 'Where does each policy switch from asking to recommending, and which questions does the unified policy pick?',
      explanation: 'With the default training (more than this step’s) the unified policy succeeds in {finding:conversation.asking-helps/unified} ± ' +
        '{sd:conversation.asking-helps/unified} of the test conversations and the separated one in {finding:conversation.asking-helps/separated} ± ' +
        '{sd:conversation.asking-helps/separated} ({measured:conversation.asking-helps}). The paper’s claim, that one policy beats the hand-off, did not hold ' +
        'here on any of the three seeds, nor with three times the training (both recorded as not holding in the findings). Both learned policies beat Max ' +
        'Entropy ({finding:conversation.unified-max-entropy/max-entropy}); the unified one only ties always recommending ' +
        '({finding:conversation.unified-abs-greedy/abs-greedy}). In the replay its 20 Q-values are often close together. One reading, not a measured ' +
        'finding: the same experience is spread over ten questions and ten items, while the separated policy chooses between two and gets the question and the list from fixed rules.',
    },
    {
      title: 'What it asks, or when it switches?',
      task: 'Read the diagnostic line under the table: the unified policy’s own switch with the max-entropy picker’s questions.',
      settings: {},
      watch: { target: 'conv-unified-when', name: 'Diagnostic: unified switch, max-entropy questions' },
      question: 'Does the unified policy do better with the max-entropy picker’s questions than with its own?',
      explanation: 'Keeping the unified policy’s own decisions of when to ask but letting the max-entropy picker choose each question raises its SR@15 from ' +
        '{finding:conversation.picker/unified} to {finding:conversation.picker/unifiedWhen} ({measured:conversation.picker}), still short of the separated ' +
        'policy’s {finding:conversation.picker/separated}: part of its gap is what it asks, the larger part is when it switches. The max-entropy question ' +
        'is always among the ten it is offered, so it could have learned to ask it. It did not learn to ask safe questions either: the finding that its ' +
        'questions are answered yes more often than Max Entropy’s did not hold.',
    },
    {
      title: 'Popular targets',
      task: 'Apply the step (every held-out item may be the target) and train.',
      settings: { targets: 'all' },
      watch: { target: 'conv-test', name: 'Every policy on the test conversations' },
      question: 'How much does asking add now that the targets include the popular items the scorer already ranks high?',
      explanation: 'The scorer ranks popular targets high, so recommending at once often works. Recorded: always recommending finds ' +
        '{finding:conversation.tail-gap/allGreedy} of every held-out target against {finding:conversation.tail-gap/tailGreedy} of the long-tail ones, and asking ' +
        '3 attributes first adds {finding:conversation.tail-gap/all} for every target against {finding:conversation.tail-gap/tail} for the long tail ' +
        '({measured:conversation.tail-gap}; a small difference, larger on two of the three seeds). That is why the lab’s default targets are the long tail.',
    },
    {
      title: 'The hand-written switch',
      task: 'Apply the step (the official code’s test-time override on) and train.',
      settings: { override: true },
      watch: { target: 'conv-replay', name: 'A test conversation, turn by turn' },
      question: 'In the replay, which turns carry the override badge, and what would the Q-values have chosen there?',
      explanation: 'The official code recommends without consulting the Q-function when 10 or fewer candidates remain or on the last turn. With it on, the unified ' +
        'policy reaches {finding:conversation.override/on} against {finding:conversation.override/off} without ({measured:conversation.override}): a small ' +
        'gain from a hand-written rule, and with it on “when to switch” is no longer learned. A shorter horizon helps more: with a discount of 0.9 instead ' +
        'of 0.999 the unified policy reaches {finding:conversation.gamma/short} in fewer turns (AT {finding:conversation.gamma/shortAt:1} against ' +
        '{finding:conversation.gamma/paperAt:1}; {measured:conversation.gamma}) — at 0.999 a success now and one ten turns later are worth almost the same.',
    },
  ],
};
