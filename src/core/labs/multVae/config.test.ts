// The lab's settings: defaults, ranges that reject out-of-range values with a message, and the variants trained.
import { describe, expect, it } from 'vitest';
import { multVaeDefaults, multVaeSchema, variantsOf } from './config';

const issue = (patch: Record<string, unknown>) => {
  const r = multVaeSchema.safeParse({ ...multVaeDefaults, ...patch });
  return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
};

describe('the Mult-VAE settings', () => {
  it('default to the paper where it fits this data: VAE, multinomial, all three likelihoods side by side', () => {
    expect(multVaeDefaults).toMatchObject({
      dataset: 'workshop',
      model: 'vae',
      likelihood: 'multinomial',
      compare: 'likelihoods',
      size: 'paper',
      learningRate: 0.001,
      betaCap: 0.2,
      anneal: 'linear',
      dropout: 0.5,
      heldOutUsers: 0.1,
      validationUsers: 0.1,
      daeReference: false,
    });
    expect(multVaeSchema.parse(multVaeDefaults)).toEqual(multVaeDefaults);
  });

  it.each([
    [{ betaCap: 1.5 }, /betaCap: .*(<=|less than or equal)/i],
    [{ betaCap: -0.1 }, /betaCap: .*(>=|greater than or equal)/i],
    [{ learningRate: 0 }, /learningRate: .*(>|greater than)/i],
    [{ dropout: 0.95 }, /dropout/],
    [{ batchSize: 8 }, /batchSize/],
    [{ epochs: 0 }, /epochs/],
    [{ annealSteps: 0.5 }, /annealSteps/],
    [{ heldOutUsers: 0.5 }, /heldOutUsers/],
    [{ gaussianConfidence: 0.5 }, /gaussianConfidence/],
    [{ likelihood: 'poisson' }, /likelihood/],
    [{ compare: 'everything' }, /compare/],
    [{ size: 'huge' }, /size/],
  ])('rejects %j with a message naming the setting', (patch, message) => {
    expect(issue(patch)).toMatch(message);
  });

  it('accepts the edges of each range', () => {
    for (const patch of [{ betaCap: 0 }, { betaCap: 1 }, { dropout: 0 }, { learningRate: 10 }, { anneal: 'fixed' }, { size: 'tiny' }]) expect(issue(patch)).toBeNull();
  });
});

describe('variantsOf', () => {
  it('trains the chosen model under each likelihood, both models under the chosen one, or just the pair', () => {
    expect(variantsOf({ model: 'dae', likelihood: 'gaussian', compare: 'likelihoods' }).map((v) => v.id)).toEqual(['dae-multinomial', 'dae-gaussian', 'dae-logistic']);
    expect(variantsOf({ model: 'dae', likelihood: 'gaussian', compare: 'models' }).map((v) => v.id)).toEqual(['vae-gaussian', 'dae-gaussian']);
    expect(variantsOf({ model: 'vae', likelihood: 'logistic', compare: 'none' }).map((v) => v.id)).toEqual(['vae-logistic']);
  });
});
