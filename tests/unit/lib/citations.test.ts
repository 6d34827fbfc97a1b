import { describe, expect, it } from 'vitest';
import {
  backlinkLabels,
  parseCitationMarkers,
  referenceEntryNumber,
  sectionShortLabel,
} from '../../../src/lib/citations.ts';

describe('parseCitationMarkers', () => {
  it('finds [n] and [n,m] with their offsets', () => {
    const text = '范式转移 [1,3] 与 [5]';
    expect(parseCitationMarkers(text)).toEqual([
      { start: 5, end: 10, numbers: [1, 3] },
      { start: 13, end: 16, numbers: [5] },
    ]);
  });
  it('ignores brackets that are not numeric citations', () => {
    expect(parseCitationMarkers('[Online] [^1] [a,b] [1-3]')).toEqual([]);
  });
});

describe('referenceEntryNumber', () => {
  it('recognises a reference-list entry only at the start of a paragraph', () => {
    expect(referenceEntryNumber('[7] Fedus, W., et al.')).toBe(7);
    expect(referenceEntryNumber('见 [7] 的讨论')).toBeUndefined();
    expect(referenceEntryNumber('[7]紧贴文字')).toBeUndefined();
  });
});

describe('backlinkLabels', () => {
  it('labels every back-link uniquely even when one section cites a reference twice', () => {
    const sites = [
      { reference: 5, occurrence: 1, id: 'a', section: '14.1.2 核心技术体系', sectionId: 'x' },
      { reference: 5, occurrence: 2, id: 'b', section: '14.1.2 核心技术体系', sectionId: 'x' },
      { reference: 5, occurrence: 3, id: 'c', section: '参考文献', sectionId: 'y' },
    ];
    const labels = backlinkLabels(sites);
    expect(labels.map((l) => l.text)).toEqual(['14.1.2a', '14.1.2b', '参考文献']);
    expect(new Set(labels.map((l) => l.label)).size).toBe(3);
  });
  it('shortens a numbered heading to its number', () => {
    expect(sectionShortLabel('14.3.2 技术发展里程碑')).toBe('14.3.2');
    expect(sectionShortLabel('十四、总结与展望')).toBe('十四、总结与展望');
  });
});
