def log = new File(basedir, 'build.log').text
def expected = "Invalid value 'broadcast' for property 'features': broadcast needs storeType=dynamodb"
assert log.contains(expected): "build.log does not say: $expected"
assert !new File(basedir, 'echo-app').exists(): 'a half-generated project was left behind'
