def log = new File(basedir, 'build.log').text
def expected = "Invalid value 'broadcast,shout' for property 'features': allowed values are none, or a comma-separated list of broadcast, operations (unknown: 'shout')."
assert log.contains(expected): "build.log does not say: $expected"
assert !new File(basedir, 'echo-app').exists(): 'a half-generated project was left behind'
