// The Mult-VAE lesson: three likelihoods on one network, how zeros are weighted, VAE against DAE, and β.
import type { LessonPlan } from '../../lessons/lessonPlan';

export const multVaeLesson: LessonPlan = {
  base: { dataset: 'tiny', size: 'tiny', batchSize: 20, epochs: 8 },
  defaultRun: '{default:epochs} epochs of each of three likelihoods on the {default:size} network, on {default:dataset}, one seed; the lesson’s steps run on tiny.',
  steps: [
    {
      title: 'Three likelihoods, one network',
      task: 'Apply the step (tiny data and network, the three likelihoods) and press ▶ Train.',
      settings: {},
      watch: { target: 'chart-ndcg', name: 'Validation NDCG@100 per epoch' },
      question: 'Which likelihood’s curve sits on the dashed popularity line the longest?',
      explanation:
        'The logistic likelihood treats every item as an independent yes/no, so it first learns how popular each item is and only later what each user likes. ' +
        'Recorded on workshop after 50 epochs: test NDCG@100 {finding:mult-vae.mult-logistic/a} for the multinomial VAE against {finding:mult-vae.mult-logistic/b} ' +
        'for the logistic one, popularity {finding:mult-vae.mult-logistic/pop} ({measured:mult-vae.mult-logistic}).',
    },
    {
      title: 'How the zeros are weighted',
      task: 'Apply the step (gaussianConfidence 30: each click weighs 30 non-clicks) and train.',
      settings: { gaussianConfidence: 30 },
      watch: { target: 'chart-ndcg', name: 'Validation NDCG@100 per epoch' },
      question: 'Does giving clicks more weight help the Gaussian model or hurt it?',
      explanation:
        'The Gaussian likelihood is squared error; the confidence decides how much a click counts against the many non-clicks. Recorded on workshop: ' +
        '{finding:mult-vae.gauss-confidence/b} at 30 against {finding:mult-vae.gauss-confidence/a} at the default ({measured:mult-vae.gauss-confidence}). ' +
        'How the zeros are weighted matters as much as the form of the likelihood.',
    },
    {
      title: 'VAE against DAE',
      task: "Apply the step (compare 'models': Mult-VAE against Mult-DAE) and train.",
      settings: { compare: 'models' },
      watch: { target: 'multvae-activity', name: 'Accuracy by user activity' },
      question: 'Which model does better for the lightest users, and which for the heaviest?',
      explanation:
        'The VAE’s KL term pulls each user’s code towards the prior, which helps users with little data to go on. Recorded on workshop: Mult-VAE ends at ' +
        '{finding:mult-vae.vae-dae/a} against {finding:mult-vae.vae-dae/b} for Mult-DAE; the DAE leads for the lightest quarter ({finding:mult-vae.dae-lightest/dae} ' +
        'against {finding:mult-vae.dae-lightest/vae}), the VAE for the heaviest ({measured:mult-vae.vae-dae}). About 25 users per group: expect noise.',
    },
    {
      title: 'Anneal β all the way',
      task: "Apply the step (β cap 1, annealed over 40 updates, compare 'none') and train.",
      settings: { compare: 'none', betaCap: 1, annealSteps: 40 },
      watch: { target: 'chart-ndcg-vs-beta', name: 'Validation NDCG@100 against β' },
      question: 'As β grows, does validation NDCG@100 peak and fall, or keep rising?',
      explanation:
        'β weighs the KL term: small β lets codes carry more about each user, large β pulls them to the prior. Recorded on workshop with a slower schedule: the peak ' +
        'came at β {finding:mult-vae.beta-to-one/peakBeta:2} on average ({measured:mult-vae.beta-to-one}). Here β and training time grow together, so a late peak ' +
        'says only that a large β costs this world little.',
    },
  ],
};
