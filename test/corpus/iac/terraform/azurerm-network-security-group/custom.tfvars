# Written for Parapet's tests (not from the module's repository): two custom rules, in the module's documented shape.
resource_group_name = "rg-web"
custom_rules = [
  {
    name                   = "ssh"
    priority               = 201
    direction              = "Inbound"
    access                 = "Allow"
    protocol               = "Tcp"
    destination_port_range = "22"
    source_address_prefix  = "*"
    description            = "ssh from anywhere"
  },
  {
    name                   = "https"
    priority               = 202
    direction              = "Inbound"
    access                 = "Allow"
    protocol               = "Tcp"
    destination_port_range = "443,8443"
    source_address_prefixes = ["10.0.0.0/8", "192.168.0.0/16"]
  },
]
