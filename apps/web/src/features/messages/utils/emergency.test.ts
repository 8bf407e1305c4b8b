import { emergencyKinds } from './emergency';

describe('emergencyKinds', () => {
  it.each([
    'I have had chest pain since this morning',
    'My CHEST  PRESSURE is worse',
    'I can’t breathe well when I lie down',
    'Having trouble breathing after the new inhaler',
    'I am short of breath',
    'My husband’s face is drooping and he has slurred speech',
    'I think I had a stroke',
    'Sudden weakness in my left arm',
    'She passed out in the kitchen',
    'He had a seizure',
    'I took an overdose of my pills',
    'My throat is swelling after the shot',
  ])('finds a medical emergency in “%s”', (text) => {
    expect(emergencyKinds(text)).toEqual(['medical']);
  });

  it.each([
    'I have been having suicidal thoughts',
    'Some days I want to die',
    'I keep thinking about killing myself',
    'I have been hurting myself again',
    'I thought about ending my life',
  ])('finds a crisis in “%s”', (text) => {
    expect(emergencyKinds(text)).toEqual(['crisis']);
  });

  it('finds both when both are there', () => {
    expect(emergencyKinds('Chest pain, and I want to die')).toEqual(['medical', 'crisis']);
  });

  it('errs on the side of the notice: a denial still mentions the symptom', () => {
    expect(emergencyKinds('I had no chest pain after the new dose')).toEqual(['medical']);
  });

  it.each([
    '',
    'Can I move my appointment to Friday?',
    'Please refill my lisinopril',
    'A question about my bill from March',
    'The breathing exercises are helping a lot',
    'My strokes of luck continue: the rash is gone',
    'Is the poisonous plant in the garden a worry for my dog? (just curious)',
  ])('finds nothing in “%s”', (text) => {
    expect(emergencyKinds(text)).toEqual([]);
  });
});
