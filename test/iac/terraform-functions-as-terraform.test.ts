import { describe, expect, test } from 'vitest';
import { load, plain } from './terraform-helpers.js';

/**
 * What Terraform itself gives for these expressions: recorded with `terraform console` (Terraform v1.11.4, linux_amd64),
 * each as `jsonencode(EXPRESSION)`. REJECTED is an expression Terraform refuses ("Error in function call", "Invalid
 * function argument", "Invalid operand"): Parapet must judge it unknown and say so, never give it a value.
 */
const REJECTED = Symbol('rejected');

const AS_TERRAFORM: [string, unknown][] = [
  // Sets are ordered: strings by their text, numbers by value; scalars of several types become strings.
  ['toset(["b", "a", "b"])', ['a', 'b']],
  ['toset([10, 9, 100])', [9, 10, 100]],
  ['toset([true, false])', [false, true]],
  ['toset([1, "1"])', ['1']],
  ['tolist(toset(["10.0.0.0/8", "0.0.0.0/0"]))[0]', '0.0.0.0/0'],
  ['setunion(["b", "a"], ["c", "a"])', ['a', 'b', 'c']],
  ['tolist(["a", 1])', ['a', '1']],
  ['distinct([1, "1"])', ['1']],
  ['coalesce(1, "a")', '1'],
  ['sort([10, 9, 1])', ['1', '10', '9']],
  ['tolist([1, true])', REJECTED],
  // Numbers written as text: decimal, and nothing around them.
  ['tonumber("+5")', 5],
  ['tonumber(".5")', 0.5],
  ['tonumber("1e3")', 1000],
  ['tonumber("22 ")', REJECTED],
  ['tonumber(" 22")', REJECTED],
  ['tonumber("0x16")', REJECTED],
  ['"0x10" + 1', REJECTED],
  // Indexes and ranges.
  ['element(["a", "b", "c"], 4)', 'b'],
  ['element(["a", "b", "c"], -1)', REJECTED],
  ['element(["a", "b", "c"], 1.7)', REJECTED],
  ['slice(["a", "b", "c"], 0, 5)', REJECTED],
  ['slice(["a", "b", "c"], 2, 1)', REJECTED],
  ['slice(["a", "b"], 2, 2)', []],
  ['range(-3)', [0, -1, -2]],
  ['range(1, 10, -1)', REJECTED],
  ['min()', REJECTED],
  ['zipmap(["a"], [1, 2])', REJECTED],
  // Text.
  ['replace("abc", "", "-")', '-a-b-c-'],
  ['format("%d", 1.5)', REJECTED],
  ['format("%+d", 5)', '+5'],
  ['format("% d", 5)', ' 5'],
  ['format("%08.3f", -3.14159)', '-003.142'],
  ['format("%*d", 5, 3)', REJECTED],
  ['format("%.2s|%5.2s|%.0s", "héllo", "abcdef", "abc")', 'hé|   ab|abc'],
  ['format("%.1q", "abc")', '"a"'],
  ['format("%.2v", "abcdef")', 'abcdef'],
  ['format("%.3d|%.3x|%06.3d|%-6.3d|", -5, 255, 5, 5)', '-005|0ff|   005|005   |'],
  // Go's %f rounds a tie to even; its %v of a number is the shortest %g.
  ['format("%.1f %.1f %.0f %.0f %.2f", 0.25, -0.25, 2.5, 3.5, 2.675)', '0.2 -0.2 2 4 2.67'],
  ['format("%v %v %v %v", 8080, 1234567, 0.00001, 1e21)', '8080 1.234567e+06 1e-05 1e+21'],
  // Numbers in text are written out in decimal, never with an exponent.
  ['tostring(1e21)', '1000000000000000000000'],
  ['"${1.5e-10}"', 1.5e-10],
  ['"x${1.5e-10}"', 'x0.00000000015'],
  ['format("%s %d %.1f", 1e21, -1e22, 1e21)', '1000000000000000000000 -10000000000000000000000 1000000000000000000000.0'],
  ['jsonencode([1e21, 1e-7])', '[1000000000000000000000,0.0000001]'],
  ['concat()', REJECTED],
  // Template directives and strip markers.
  ['"%{ for i, p in [22, 80] }${i}=${p};%{ endfor }"', '0=22;1=80;'],
  ['"%{ for k, v in {b = 1, a = 2} }${k}${v}%{ endfor }"', 'a2b1'],
  ['"%{ if false }yes%{ else }no%{ endif }"', 'no'],
  ['"%{ if true }${1}%{ endif }"', '1'],
  ['"[%{ for p in [22, 80] ~} ${p} %{~ endfor }]"', '[2280]'],
  ['"a ${~ "x" ~} b"', 'axb'],
  ['"%{ if 1 }y%{ endif }"', REJECTED],
  ['split(",", trimsuffix("%{ for c in ["10.0.0.0/8", "0.0.0.0/0"] }${c},%{ endfor }", ","))', ['10.0.0.0/8', '0.0.0.0/0']],
  // Text.
  ['trim("xxaxx", "x")', 'a'],
  ['trim("abcba", "ab")', 'c'],
  ['chomp("a\\r\\n\\n\\r")', 'a'],
  ['title("héllo wOrld_x 3d a.b-c")', 'Héllo WOrld_x 3d A.B-C'],
  ['strrev("abc")', 'cba'],
  ['indent(2, "a\\n\\nb\\n")', 'a\n  \n  b\n  '],
  ['strcontains("hello", "ell")', true],
  ['base64encode("é")', 'w6k='],
  ['base64decode("YQ==")', 'a'],
  ['base64decode("YQ")', REJECTED],
  ['base64decode("/w==")', REJECTED],
  // Numbers.
  ['parseint("FF", 16)', 255],
  ['parseint("zZ", 62)', 2231],
  ['parseint("-10", 2)', -2],
  ['parseint("+5", 10)', 5],
  ['parseint("0x10", 16)', REJECTED],
  ['parseint("12", 1)', REJECTED],
  ['pow(2, 10)', 1024],
  ['pow(-8, 1/3)', REJECTED],
  ['log(1000, 10)', 2.9999999999999996],
  ['log(0, 10)', REJECTED],
  ['signum(-3)', -1],
  ['signum(-0.5)', REJECTED],
  // Collections.
  ['transpose({b = ["2"], a = ["2", "1"]})', { 1: ['a'], 2: ['a', 'b'] }],
  ['matchkeys(["a", "b", "c"], ["x", "y", "z"], ["z", "x"])', ['a', 'c']],
  ['matchkeys(["a"], [1, 2], [2])', REJECTED],
  ['jsonencode({b = 1, a = [1, "<&>"]})', '{"a":[1,"\\u003c\\u0026\\u003e"],"b":1}'],
  ['jsonencode({"10" = 1, "9" = 2})', '{"10":1,"9":2}'],
  // Functions security-group modules use to build their rules.
  ['setproduct([22, 80], ["a", "b"])', [[22, 'a'], [22, 'b'], [80, 'a'], [80, 'b']]],
  ['setproduct(["b", "a"], [2, 1])', [['b', 2], ['b', 1], ['a', 2], ['a', 1]]],
  ['setproduct(toset(["b", "a"]), toset([2, 1]))', [['a', 1], ['a', 2], ['b', 1], ['b', 2]]],
  ['setproduct([], ["a"])', []],
  ['setproduct(["a"])', REJECTED],
  ['formatlist("%s/32", ["10.0.0.1", "10.0.0.2"])', ['10.0.0.1/32', '10.0.0.2/32']],
  ['formatlist("%s:%d", ["a", "b"], 22)', ['a:22', 'b:22']],
  ['formatlist("%s-%s", ["a", "b"], ["x"])', REJECTED],
  ['setintersection(["b", "a", "c"], ["c", "b"])', ['b', 'c']],
  ['setintersection()', REJECTED],
  ['setunion()', REJECTED],
  ['setsubtract(["b", "a", "c"], ["c"])', ['a', 'b']],
  ['cidrnetmask("10.1.2.3/27")', '255.255.255.224'],
  ['cidrnetmask("fd00::/8")', REJECTED],
  ['cidrsubnets("10.0.0.0/16", 8, 8, 4)', ['10.0.0.0/24', '10.0.1.0/24', '10.0.16.0/20']],
  ['cidrsubnets("fd00::/56", 8, 8)', ['fd00::/64', 'fd00:0:0:1::/64']],
  ['cidrsubnets("10.0.0.0/24", 1, 1, 1)', REJECTED],
  ['sum(["1", 2])', 3],
  ['sum([])', REJECTED],
  ['chunklist(["a", "b", "c"], 2)', [['a', 'b'], ['c']]],
  ['chunklist(["a"], 0)', [['a']]],
];

describe("Terraform's functions give what Terraform gives", () => {
  test.each(AS_TERRAFORM)('%s', async (expression, expected) => {
    const { resources, problems } = await load(`resource "aws_security_group" "f" {\n  v = ${expression}\n}\n`);
    const value = plain(resources[0].body.fields.get('v'));
    if (expected === REJECTED) {
      expect(value).toMatchObject({ unknown: ['v'] });
      expect(problems.map((problem) => problem.id)).toEqual(['iac/unsupported']);
    } else {
      expect(value).toEqual(expected);
      expect(problems).toEqual([]);
    }
  });
});
