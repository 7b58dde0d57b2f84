# The same hosts done right: SSH only from the VPN to the bastion, Flow's ports only from the bastion.
variable "vpn_cidr" {
  description = "The VPN's address range"
  type        = string
  default     = "10.8.0.0/16"
}

resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "Bastion host"

  ingress {
    description = "SSH from the VPN"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.vpn_cidr]
  }

  egress {
    description = "SSH to the servers behind it"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}

resource "aws_security_group" "flow" {
  name        = "flow"
  description = "Flow application server"

  dynamic "ingress" {
    for_each = [22, 8081, 8084]
    content {
      description     = "from the bastion"
      from_port       = ingress.value
      to_port         = ingress.value
      protocol        = "tcp"
      security_groups = [aws_security_group.bastion.id]
    }
  }
}
