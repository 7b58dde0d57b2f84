import { describe, expect, test } from 'vitest';
import { registryModule } from '../../src/parsers/terraform/registry/module-address.js';

describe('the registry module a source names', () => {
  test.each([
    ['terraform-aws-modules/security-group/aws', '~> 5.0', 'terraform-aws-modules/security-group/aws', undefined, '~> 5.0'],
    ['registry.terraform.io/terraform-aws-modules/security-group/aws//modules/ssh', '5.1.2', 'terraform-aws-modules/security-group/aws', 'ssh', '5.1.2'],
    // Terragrunt's tfr:/// sources write the root as //, /// or //.
    ['terraform-aws-modules/security-group/aws//.', '4.17.0', 'terraform-aws-modules/security-group/aws', undefined, '4.17.0'],
    ['terraform-aws-modules/security-group/aws//', '5.1.2', 'terraform-aws-modules/security-group/aws', undefined, '5.1.2'],
    ['terraform-aws-modules/vpc/aws///', undefined, 'terraform-aws-modules/vpc/aws', undefined, undefined],
    // A path that is not one of its modules is named as written.
    ['registry.opentofu.org/terraform-aws-modules/vpc/aws//examples/complete', undefined, 'terraform-aws-modules/vpc/aws', 'examples/complete', undefined],
    // A GitHub repository is the module the registry names after it, at the tag its ref names.
    ['git::git@github.com:terraform-google-modules/terraform-google-network.git//modules/firewall-rules?ref=v6.0.0', undefined, 'terraform-google-modules/network/google', 'firewall-rules', '6.0.0'],
    ['github.com/Azure/terraform-azurerm-network-security-group?ref=4.1.0', undefined, 'azure/network-security-group/azurerm', undefined, '4.1.0'],
    ['git::https://github.com/terraform-aws-modules/terraform-aws-security-group.git///?ref=v4.17.1', undefined, 'terraform-aws-modules/security-group/aws', undefined, '4.17.1'],
    ['git::ssh://git@github.com/terraform-aws-modules/terraform-aws-security-group.git//.?ref=v5.1.0', undefined, 'terraform-aws-modules/security-group/aws', undefined, '5.1.0'],
    ['https://github.com/Azure/terraform-azurerm-avm-res-network-networksecuritygroup', undefined, 'azure/avm-res-network-networksecuritygroup/azurerm', undefined, undefined],
    // A branch is passed on as written: the module says it does not know which version it is.
    ['git::https://github.com/terraform-aws-modules/terraform-aws-security-group.git?ref=master', undefined, 'terraform-aws-modules/security-group/aws', undefined, 'master'],
  ])('%s (version %s) is %s, submodule %s, at %s', (source, version, address, submodule, fetched) => {
    expect(registryModule(source, version)).toEqual({ address, submodule, version: fetched });
  });

  test.each([
    './modules/sg',
    '../../modules//sg',
    'git::https://gitlab.com/acme/terraform-aws-sg.git?ref=v1.0.0',
    'github.com/hashicorp/example',
    's3::https://s3.amazonaws.com/bucket/terraform-aws-sg.zip',
    'terraform-aws-modules/security-group',
  ])('%s names no registry module', (source) => {
    expect(registryModule(source, undefined)).toBeUndefined();
  });
});
