# Written for Parapet's tests: the module needs a name (its default is null, on which Terraform's plan fails).
name = "corpus-sg"
