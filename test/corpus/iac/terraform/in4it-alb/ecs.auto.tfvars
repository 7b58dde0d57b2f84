# Written for Parapet's tests (not from the module's repository).
lb_name = "web"
ecs_sg  = ["sg-0aaa", "sg-0bbb"]
