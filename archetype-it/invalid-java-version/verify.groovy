def log = new File(basedir, 'build.log').text
def expected = "Invalid value '11' for property 'javaVersion': allowed values are 21, 17, 25."
assert log.contains(expected): "build.log does not say: $expected"
assert !new File(basedir, 'echo-app').exists(): 'a half-generated project was left behind'
