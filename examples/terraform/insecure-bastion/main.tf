# A bastion and a Flow server as a pull request might add them: SSH and Flow's ports open to the internet.
variable "admin_cidrs" {
  description = "Where administrators connect from (no default: set per environment)"
  type        = list(string)
}

resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "Bastion host"

  ingress {
    description = "SSH from anywhere"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "flow" {
  name        = "flow"
  description = "Flow application server"
}

resource "aws_vpc_security_group_ingress_rule" "flow_ui" {
  security_group_id = aws_security_group.flow.id
  ip_protocol       = "tcp"
  from_port         = 8081
  to_port           = 8084
  cidr_ipv6         = "::/0"
}

resource "aws_security_group_rule" "flow_admin_ssh" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = var.admin_cidrs
  security_group_id = aws_security_group.flow.id
}
