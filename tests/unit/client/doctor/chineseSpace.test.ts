// @vitest-environment happy-dom
// The space-between-Chinese rule: a warning that says what to write instead,
// and no warning for the full-width space it suggests.
import { describe, expect, it } from 'vitest';
import { chineseSpace } from '../../../../src/client/doctor/rules/chineseSpace.ts';
import { slide } from '../../../helpers/doctorSlide.ts';

describe('chineseSpace', () => {
  it('warns at the block, and says: nothing, or a full-width space (U+3000)', () => {
    const [finding] = chineseSpace(slide('<p data-line="9">新用户 测试员</p>'));
    expect(finding).toMatchObject({ level: 'warning', line: 9 });
    expect(finding.message).toBe(
      'space between two Chinese characters: «新用户 测试员» (delete it, or where a gap is meant write a full-width space, U+3000 「\u3000」, as the cover does)',
    );
  });
  it('takes a full-width space, and spaces beside Latin text', () => {
    expect(chineseSpace(slide('<p>于良\u3000研究员</p><p>Sematech 联盟</p>'))).toEqual([]);
  });
});
