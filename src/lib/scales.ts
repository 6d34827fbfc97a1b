/**
 * The ordinal scales the chapter's figures use, defined once. Each scale lists its level words
 * from lowest to highest; a level's rank (1-based) is what the figures draw as pips or bars.
 * Words that the chapter uses as equals share a rank.
 */
export interface Scale {
  name: string;
  /** Level words, lowest first, with their rank. */
  levels: readonly { word: string; rank: number }[];
  max: number;
}

function scale(name: string, words: readonly (string | readonly string[])[]): Scale {
  const levels = words.flatMap((w, i) =>
    (typeof w === 'string' ? [w] : w).map((word) => ({ word, rank: i + 1 })),
  );
  return { name, levels, max: words.length };
}

export const scales = {
  /** 成熟度等级: the matrix's stages of maturity, from pilot to mature. */
  maturity: scale('成熟度等级', ['试点阶段', '生产阶段', '成熟/生产', '成熟阶段']),
  /**
   * 实施复杂度. The chapter writes both 中 and 中等; 中 is read as the lighter of the two
   * (it rates the LPU row, whose note stresses a narrow use), so the order is 低 → 中 → 中等 → 中高 → 高.
   */
  complexity: scale('实施复杂度', ['低', '中', '中等', '中高', '高']),
  /** 影响程度, 风险等级, 生态完善度: the shared three-step level plus 极高. */
  level: scale('等级', ['低', '中', '高', '极高']),
  /** 产业影响 of a breakthrough, from emerging to paradigm-changing. */
  industry: scale('产业影响', ['新兴', '重要', '关键', '变革性', ['革命性', '颠覆性', '范式转移']]),
  /** 发展阶段 / 成熟度阶段 of a technology direction, from early research to steady growth. */
  stage: scale('发展阶段', [
    '早期研究期',
    '研究与试点期',
    '早期部署期',
    ['快速发展期', '快速成长期'],
    '稳定发展期',
  ]),
} as const;

export type ScaleName = keyof typeof scales;

export interface LevelReading {
  word: string;
  rank: number;
  max: number;
  /** What follows the level word in the cell, e.g. ` (CUDA/ROCm)` or ` [5]`. */
  rest: string;
}

/** Reads a cell that starts with a level word of `scaleName`; longest word first (中高 before 中). */
export function readLevel(scaleName: ScaleName, cell: string): LevelReading | undefined {
  const s = scales[scaleName];
  const text = cell.replace(/\*\*/g, '').trim();
  const match = [...s.levels]
    .sort((a, b) => b.word.length - a.word.length)
    .find((l) => text.startsWith(l.word));
  if (!match) return undefined;
  const rest = text.slice(match.word.length);
  // The word must end there: 中等 must not be read as 中 followed by 等.
  if (rest && !/^[\s([（]/.test(rest)) return undefined;
  return { word: match.word, rank: match.rank, max: s.max, rest };
}

export function levelWords(scaleName: ScaleName): string[] {
  return scales[scaleName].levels.map((l) => l.word);
}
