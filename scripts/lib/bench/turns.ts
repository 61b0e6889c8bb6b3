// Two loads measured in turn, round after round. The machine is shared and its slow spells come and go: one pair of
// runs made minutes apart gave a ratio of 0.12 and, run again, 0.25. Taking turns puts both sides in the same spells,
// and the round with the median ratio stands for the comparison.
export type Round<T> = { first: T; second: T; share: number };
export type Turns<T> = { rounds: Round<T>[]; median: Round<T> };

export const ROUNDS = 3;

export async function inTurns<T>(first: (round: number) => Promise<T>, second: (round: number) => Promise<T>, rate: (run: T) => number): Promise<Turns<T>> {
  const rounds: Round<T>[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const firstRun = await first(round);
    const secondRun = await second(round);
    const secondRate = rate(secondRun);
    rounds.push({ first: firstRun, second: secondRun, share: secondRate > 0 ? rate(firstRun) / secondRate : NaN });
  }
  const median = [...rounds].sort((a, b) => a.share - b.share)[Math.floor(rounds.length / 2)]!;
  return { rounds, median };
}
