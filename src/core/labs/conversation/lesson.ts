// The conversational-policy lesson: rules first, the unified policy's switch, the separated one, the discount.
import type { LessonPlan } from '../../lessons/lessonPlan';

export const conversationLesson: LessonPlan = {
  base: { dataset: 'tiny', headShare: 0.5, trainingEpisodes: 600, evalEvery: 100, validEpisodes: 100, testEpisodes: 300, pretrainEpochs: 5 },
  defaultRun:
    '{default:trainingEpisodes} training conversations for each learned policy on {default:dataset}, scored on {default:testEpisodes} test conversations, one seed; the lesson’s steps run on tiny.',
  steps: [
    {
      title: 'Ask or recommend?',
      task: 'Apply the step (tiny world, long-tail targets) and press ▶ Train; read the test table under the charts.',
      settings: {},
      watch: { target: 'conv-test', name: 'Every policy on the test conversations' },
      question: 'Does asking a few attributes before recommending find more targets than recommending every turn?',
      explanation:
        'Every policy plays the same simulated users. A recommendation of 10 items that misses removes them from the candidates; an accepted attribute ' +
        'keeps only the items that have it. For a target the scorer ranks low, ten lists a turn are not enough: asking narrows the candidates first. ' +
        'Recorded on workshop (long-tail targets): ask 3 then recommend {finding:conversation.asking-helps/ask-n} against {finding:conversation.asking-helps/abs-greedy} ' +
        'for always recommending ({measured:conversation.asking-helps}).',
    },
  ],
};
