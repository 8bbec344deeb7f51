def log = new File(basedir, 'build.log').text
def expected = "Invalid value 'arn:aws:iam::12345:policy/DeveloperBoundary' for property 'permissionsBoundary': allowed values are none, " +
        "or the ARN of an IAM managed policy, arn:<partition>:iam::<12-digit account id>:policy/<path/name>."
assert log.contains(expected): "build.log does not say: $expected"
assert !new File(basedir, 'echo-app').exists(): 'a half-generated project was left behind'
