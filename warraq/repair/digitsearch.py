"""Local search over injective code -> digit assignments, for PUA digit decoding (pua.py).

The search only knows which codes each number uses and asks a scorer for a number's score given
its codes' digits; what makes a reading plausible stays in pua.py. An assignment is a list of
digits indexed like the codes, with the inverse (digit -> code) kept alongside, so a move
(give a code a digit, swapping with the code that had it) touches only the numbers of the two
codes and copies nothing: this search was a third of all repair time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Scorer = Callable[[int, tuple[int, ...]], float]
ORDER_WEIGHT = 0.05  # fonts usually number digit glyphs in order: a weak tie-breaker


class DigitSearch:
    """Hill climbing over assignments; each number's score is memoised by its codes' digits."""

    def __init__(self, uses: Sequence[tuple[int, ...]], n_codes: int, score: Scorer) -> None:
        self.uses = list(uses)  # per number: the indices of the codes it uses, ascending
        self.n = n_codes
        self.score = score
        by_code: list[list[int]] = [[] for _ in range(n_codes)]
        for i, used in enumerate(self.uses):
            for k in used:
                by_code[k].append(i)
        self.by_code = by_code
        self.memo: list[dict[tuple[int, ...], float]] = [{} for _ in self.uses]
        self.visited: set[tuple[int, ...]] = set()
        self.pairs: dict[tuple[int, int], list[int]] = {}
        # per move (code, code whose digit it takes or -1): the numbers it touches (with their
        # codes and memo) and the code pairs whose order it may change
        self.plans: dict[tuple[int, int], tuple[list[tuple[int, tuple[int, ...], dict[tuple[int, ...], float]]],
                                                tuple[int, ...]]] = {}

    def num(self, i: int, cur: list[int]) -> float:
        key = tuple(map(cur.__getitem__, self.uses[i]))
        memo = self.memo[i]
        got = memo.get(key)
        if got is None:
            got = memo[key] = self.score(i, key)
        return got

    def total(self, cur: list[int]) -> float:
        return sum(self.num(i, cur) for i in range(len(self.uses))) + ORDER_WEIGHT * sum(
            1 for k in range(self.n - 1) if cur[k] < cur[k + 1])

    def scores(self, cur: list[int]) -> list[float]:
        return [self.num(i, cur) for i in range(len(self.uses))]

    def _touched(self, a: int, b: int) -> list[int]:
        key = (a, b) if a < b else (b, a)
        got = self.pairs.get(key)
        if got is None:
            got = self.pairs[key] = sorted(set(self.by_code[a]) | set(self.by_code[b]))
        return got

    def delta(self, cur: list[int], owner: list[int], a: int, d: int, scores: list[float]) -> float:
        """Change of the total if code a takes digit d (swapping with its owner); cur is restored."""
        old, other = cur[a], owner[d]
        plan = self.plans.get((a, other))
        if plan is None:
            last = self.n - 1
            ends = (a - 1, a) if other < 0 else tuple({a - 1, a, other - 1, other})
            touched = self.by_code[a] if other < 0 else self._touched(a, other)
            plan = self.plans[(a, other)] = (
                [(i, self.uses[i], self.memo[i]) for i in touched],
                tuple(k for k in ends if 0 <= k < last))  # pairs (k, k + 1) whose order may change
        rows, ends = plan
        before = [cur[k] < cur[k + 1] for k in ends]
        cur[a] = d
        if other >= 0:
            cur[other] = old
        get, score = cur.__getitem__, self.score
        change = 0.0
        for i, used, memo in rows:  # self.num inlined: this loop is the search's inner loop
            key = tuple(map(get, used))
            got = memo.get(key)
            if got is None:
                got = memo[key] = score(i, key)
            change += got - scores[i]
        for k, was in zip(ends, before):  # one term per pair, as the scores were first tuned
            change += ORDER_WEIGHT * ((cur[k] < cur[k + 1]) - was)
        cur[a] = old
        if other >= 0:
            cur[other] = d
        return change

    def climb(self, start: list[int], domain: Sequence[int]) -> tuple[list[int], float]:
        """Hill-climb from start (first improving move taken, codes and digits in order).

        Stops early, scoring -inf, on reaching a point any climb went through (an earlier
        climb's result from there is already known).
        """
        cur = list(start)
        owner = [-1] * 10
        for k, v in enumerate(cur):
            owner[v] = k
        total = self.total(cur)
        scores = self.scores(cur)
        improved = True
        # Swaps found not to improve since the last move taken: a swap of codes a and b comes up
        # twice in a sweep (a takes b's digit, b takes a's), and the second time scores the same.
        flat: set[tuple[int, int]] = set()
        key = tuple(cur)
        if key in self.visited:
            return cur, float("-inf")
        self.visited.add(key)
        while improved:
            improved = False
            for a in range(self.n):
                for d in domain:
                    if cur[a] == d:
                        continue
                    other = owner[d]
                    pair = (a, other) if a < other else (other, a)
                    if pair in flat:
                        continue
                    change = self.delta(cur, owner, a, d, scores)
                    if change <= 1e-9:
                        if other >= 0:
                            flat.add(pair)
                        continue
                    old = cur[a]
                    cur[a], owner[d], owner[old] = d, a, other
                    if other >= 0:
                        cur[other] = old
                    total += change
                    improved = True
                    key = tuple(cur)
                    if key in self.visited:
                        return cur, float("-inf")
                    self.visited.add(key)
                    flat.clear()
                    for i, _, _ in self.plans[(a, other)][0]:  # the numbers delta just touched
                        scores[i] = self.num(i, cur)
        return cur, total
