import type { InputFile } from '../../inputs/input-file.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import { shown } from '../../model/quote.js';
import { baseName } from './source-file.js';
import { atLine, type Block, type Body } from './syntax.js';
import { compareKeys } from './values.js';

/** override.tf, *_override.tf (and .tf.json, and OpenTofu's .tofu and .tofu.json): files merged into the module's blocks. */
export function isOverrideFile(path: string): boolean {
  return /^(?:override|.+_override)\.(?:tf|tofu)(?:\.json)?$/.test(baseName(path));
}

/**
 * Merges the blocks of override files into the blocks of the module's other files, as Terraform does: each override
 * file in turn, by name; a block replaces, in the block of the same type and labels, each argument it sets and every
 * nested block of a type it has (a `dynamic` block counts as the type it makes); a local replaces the local of its
 * name. What an override brings is placed at the line of the block it overrides, in that block's file, where findings
 * point. An override without its base block is a problem, as Terraform rejects it.
 */
export function applyOverrides(configurations: readonly { file: InputFile; blocks: Block[] }[], overrides: readonly { file: InputFile; blocks: Block[] }[], problems: InputProblem[]): void {
  for (const override of [...overrides].sort((left, right) => compareKeys(baseName(left.file.path), baseName(right.file.path)))) {
    for (const block of override.blocks) {
      if (block.type === 'locals') {
        for (const local of block.body.attributes) {
          const base = findLocal(configurations, local.name);
          if (base) base.attributes[base.index] = atLine(local, base.attributes[base.index].line);
          else problems.push(missingBase(override.file, local.line, `local.${shown(local.name, 60)}`));
        }
        continue;
      }
      const base = findBlock(configurations, block);
      if (base) base.body = merged(base.body, atLine(block.body, base.line));
      else if (NEEDS_BASE.has(block.type)) problems.push(missingBase(override.file, block.line, [block.type, ...block.labels].map((part) => shown(part, 60)).join('.')));
    }
  }
}

/** The blocks an override cannot bring without a base block to merge into (a `terraform` block, say, can). */
const NEEDS_BASE: ReadonlySet<string> = new Set(['resource', 'data', 'module', 'variable', 'output', 'provider']);

function merged(original: Body, override: Body): Body {
  const replaced = new Set([...override.attributes.map((attribute) => attribute.name), ...override.blocks.map(blockType)]);
  return {
    attributes: [...original.attributes.filter((attribute) => !replaced.has(attribute.name)), ...override.attributes],
    blocks: [...original.blocks.filter((block) => !replaced.has(blockType(block))), ...override.blocks],
  };
}

const blockType = (block: Block): string => (block.type === 'dynamic' && block.labels.length > 0 ? block.labels[0] : block.type);

function findBlock(configurations: readonly { blocks: Block[] }[], wanted: Block): Block | undefined {
  for (const { blocks } of configurations) {
    const found = blocks.find((block) => block.type === wanted.type && block.labels.length === wanted.labels.length && block.labels.every((label, index) => label === wanted.labels[index]));
    if (found) return found;
  }
  return undefined;
}

function findLocal(configurations: readonly { blocks: Block[] }[], name: string): { attributes: Body['attributes']; index: number } | undefined {
  for (const { blocks } of configurations) {
    for (const block of blocks) {
      if (block.type !== 'locals') continue;
      const index = block.body.attributes.findIndex((attribute) => attribute.name === name);
      if (index >= 0) return { attributes: block.body.attributes, index };
    }
  }
  return undefined;
}

function missingBase(file: InputFile, line: number, what: string): InputProblem {
  return problemAt('iac/syntax', { file: file.path, line }, `${what} in an override file overrides nothing: Terraform needs the block it overrides in the module's other files — its content was not judged`);
}
