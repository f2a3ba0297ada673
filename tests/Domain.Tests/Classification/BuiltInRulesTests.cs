using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Domain.Tests.Classification;

/// <summary>Every built-in rule against a real-looking line it exists for, through the whole classifier (prefilter included).</summary>
public sealed class BuiltInRulesTests
{
    public static TheoryData<string, string> Examples => new()
    {
        { "java-exception", "java.lang.IllegalStateException: order 42 has no lines" },
        { "gradle-what-went-wrong", "* What went wrong:" },
        { "maven-goal-failed", "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:2.22.2:test (default-test) on project orders" },
        { "maven-pom-invalid", "[ERROR] The build could not read 2 projects -> [Help 1]" },
        { "test-report-failed", "  3 failing" },
        { "shell-command-failed", "/usr/local/bin/run.sh: line 57: nosetests: command not found" },
        { "system-hardware", "kernel: mce: [Hardware Error]: Machine check events logged" },
        { "system-kernel", "kernel: INFO: task jbd2/sda1-8:312 blocked for more than 120 seconds." },
        { "system-oom", "kernel: java invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0" },
        { "system-disk", "kernel: blk_update_request: I/O error, dev sdb, sector 81920 op 0x1:(WRITE)" },
        { "system-segfault", "kernel: worker[4242]: segfault at 0 ip 000055d5c0a1b2c3 sp 00007ffd error 4 in worker[55d5c0a00000+20000]" },
        { "system-network-link", "kernel: e1000e 0000:00:19.0 eth0: NIC Link is Down" },
        { "system-hardware", "               NVRM: fallen off the bus and is not responding to commands." },
        { "system-hardware", "2017-05-05T08:57:16+02:00 avaritia mcelog: Hardware event. This is not a software error." },
        { "system-service-crash", " ERROR [main] 2022-03-28 06:45:42,388 JVMStabilityInspector.java:82 - Exiting due to error while processing commit log during initialization." },
        { "system-service-crash", "[2020-12-14T09:44:56.002] [63532.0] error: *** STEP 63532.0 STEPD TERMINATED ON cn106 AT 2020-12-14T09:44:56 DUE TO JOB NOT ENDING WITH SIGNALS ***" },
        { "system-parallel-fs", "[Mon Oct 16 10:06:17 2017] LustreError: 11-0: jmain01-MDT0000-mdc-ffff88203810d800: operation obd_ping to node 172.31.126.88@o2ib failed: rc = -107" },
        { "system-hardware", "EDAC sbridge MC1: HANDLING MCE MEMORY ERROR" },
        { "system-hardware", "[ 104.669918] EEH: Detected PCI bus error on PHB#1-PE#10000" },
        { "system-kernel", "[   71.427811] WARNING: CPU: 0 PID: 37 at drivers/gpu/drm/radeon/radeon_gart.c:235 radeon_gart_unbind+0xca/0xe0 [radeon]()" },
        { "system-kernel", "WARNING: at arch/x86/kernel/cpu/mtrr/generic.c:467" },
        { "system-kernel", "[   71.427722] BUG: unable to handle kernel NULL pointer dereference at virtual address 00000008" },
        { "system-kernel", "invalid opcode: 0000 [#1] SMP " },
        { "system-kernel", "[   28.557007] [ INFO: possible recursive locking detected ]" },
        { "system-kernel", "Watchdog detected hard LOCKUP on cpu 0" },
        { "system-oom", "chrome: page allocation failure: order:5, mode:0x24040c0(GFP_KERNEL|__GFP_COMP)" },
        { "system-disk", "[33713.705845] blk_update_request: critical medium error, dev sdb, sector 5120" },
        { "system-disk", "[ 3.466887] Buffer I/O error on dev mmcblk2, logical block 0, async page read" },
        { "system-disk", "[23423.107180] EXT4-fs (sdb1): Remounting filesystem read-only" },
        { "system-disk", "[126894.900149] ata1.00: failed command: READ FPDMA QUEUED" },
        { "system-disk", "sd 0:0:0:0: [sda] tag#25 Sense Key : Medium Error [current]" },
        { "system-segfault", "traps: chrome[2979] trap invalid opcode ip:55911b28dba3 sp:7ffea558a3e0 error:0" },
        { "system-segfault", "(EE) Caught signal 11 (Segmentation fault). Server aborting" },
        { "system-service-crash", "Feb 10 09:10:53 compute4 systemd[1]: ceph-osd@0.service: Failed with result 'exit-code'." },
        { "system-service-crash", "Feb 10 09:11:24 compute4 systemd[1]: ceph-osd@0.service: Start request repeated too quickly." },
        { "system-service-crash", "2022-12-31 03:38:10.297 GMT [8440] PANIC:  could not write to file \"pg_logical/replorigin_checkpoint.tmp\": No space left on device" },
        { "system-service-crash", "LOG:  server process (PID 46426) was terminated by signal 6: Aborted" },
        { "system-service-crash", "[2017-09-12T11:47:27,227][ERROR][o.e.b.ElasticsearchUncaughtExceptionHandler] [node01] fatal error in thread [elasticsearch[node01][search][T#3]], exiting" },
        { "java-npe", "Exception in thread \"main\" java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"s\" is null" },
        { "spring-startup-failed", "APPLICATION FAILED TO START" },
        { "spring-datasource", "HikariPool-1 - Connection is not available, request timed out after 30000ms." },
        { "dotnet-exception", "System.InvalidOperationException: Sequence contains no elements" },
        { "dotnet-nullref", "System.NullReferenceException: Object reference not set to an instance of an object." },
        { "dotnet-build-error", "/src/Cart.cs(17,32): error CS1061: 'Coupon' does not contain a definition for 'Percent'" },
        { "dotnet-restore", "/src/Cart.csproj : error NU1101: Unable to find package Acme.Money. No packages exist with this id" },
        { "dotnet-test-failed", "  Failed Acme.Cart.Tests.CartTests.Total_Sums(count: 3) [12 ms]" },
        { "efcore-database", "Microsoft.EntityFrameworkCore.DbUpdateException: An error occurred while saving the entity changes." },
        { "python-traceback", "Traceback (most recent call last):" },
        { "python-import-error", "ModuleNotFoundError: No module named 'requests'" },
        { "pip-resolution", "ERROR: ResolutionImpossible: for help visit https://pip.pypa.io" },
        { "pytest-failed", "FAILED tests/test_pricing.py::test_discount_cap - assert 20.0 == 50" },
        { "node-exception", "TypeError: Cannot read properties of undefined (reading 'id')" },
        { "npm-dependency", "npm ERR! code ERESOLVE" },
        { "npm-script-failed", "npm ERR! code ELIFECYCLE" },
        { "jest-failed", "Tests:       1 failed, 8 passed, 9 total" },
        { "jest-failed", "  ● Test suite failed to run" },
        { "jest-failed", "    ✕ rounds the total to cents (4 ms)" },
        { "native-compile-error", "src/parser.c:118:9: error: 'token' undeclared (first use in this function)" },
        { "rust-compile-error", "error[E0425]: cannot find value `total` in this scope" },
        { "rust-test-failed", "test cart::tests::rounds_total ... FAILED" },
        { "scala-compile-error", "[error] /home/ci/src/main/scala/Cart.scala:12:5: not found: value totl" },
        { "scala-test-failed", "- should round the total *** FAILED ***" },
        { "ruby-test-failed", "  1) Failure:" },
        { "ruby-exception", "/app/lib/cart.rb:12:in `total': undefined method `price' for nil:NilClass (NoMethodError)" },
        { "bundler-failed", "An error occurred while installing nokogiri (1.10.4), and Bundler cannot continue." },
        { "php-error", "PHP Fatal error:  Uncaught Error: Class 'Cart' not found in /app/src/Checkout.php:12" },
        { "composer-failed", "Your requirements could not be resolved to an installable set of packages." },
        { "elixir-failed", "  1) test rounds the total (CartTest)" },
        { "haskell-failed", "src/Cart.hs:12:5: error:" },
        { "clojure-test-failed", "FAIL in (total-test) (cart_test.clj:12)" },
        { "perl-test-failed", "#   Failed test 'total is rounded'" },
        { "r-test-failed", "── Failure (test-cart.R:12:3): total is rounded ──────────" },
        { "dart-test-failed", "00:02 +3 -1: rounds the total [E]" },
        { "static-check-failed", "app/cart.py:12: error: Incompatible return value type (got \"str\", expected \"int\")" },
        { "java-compile-error", "e: /home/ci/app/src/main/kotlin/Cart.kt: (12, 5): Unresolved reference: totl" },
        { "typescript-error", "src/cart.ts(12,5): error TS2322: Type 'string' is not assignable to type 'number'." },
        { "node-heap-oom", "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory" },
        { "go-panic", "panic: runtime error: invalid memory address or nil pointer dereference" },
        { "go-build-error", "./money.go:14:9: undefined: roundHalfEven" },
        { "go-test-failed", "--- FAIL: TestParse (0.00s)" },
        { "go-module", "main.go:4:2: missing go.sum entry for module providing package github.com/acme/x" },
        { "postgres-connection", "psql: error: connection to server at \"db\" (10.0.0.3), port 5432 failed: Connection refused" },
        { "postgres-deadlock", "ERROR:  deadlock detected" },
        { "postgres-constraint", "ERROR: insert or update on table \"lines\" violates foreign key constraint \"lines_order_fk\"" },
        { "postgres-schema", "ERROR:  column \"discount\" of relation \"orders\" does not exist" },
        { "mysql-connection", "ERROR 2002 (HY000): Can't connect to MySQL server on 'db' (115)" },
        { "mysql-lock", "ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction" },
        { "redis-connection", "StackExchange.Redis.RedisConnectionException: No connection is available to service this operation: GET cart:42" },
        { "redis-oom", "OOM command not allowed when used memory > 'maxmemory'." },
        { "kafka-broker", "WARN [Producer clientId=orders] Connection to node 1 (kafka-0/10.0.0.5:9092) could not be established. Broker may not be available." },
        { "kafka-consumer", "org.apache.kafka.clients.consumer.CommitFailedException: Commit cannot be completed since the group has already rebalanced" },
        { "k8s-crashloop", "orders-7d9f-abcde   0/1   CrashLoopBackOff   5   3m" },
        { "k8s-image-pull", "Warning  Failed  kubelet  Failed to pull image \"registry/orders:1.2.3\": manifest unknown" },
        { "k8s-probe", "Warning  Unhealthy  kubelet  Readiness probe failed: HTTP probe failed with statuscode: 503" },
        { "k8s-rollout", "error: deployment \"orders\" exceeded its progress deadline" },
        { "oom-killed", "      Reason:       OOMKilled" },
        { "http-5xx", "10.0.0.9 - - \"GET /api/cart HTTP/1.1\" 502 0" },
        { "tls-error", "curl: (60) SSL certificate problem: certificate has expired" },
        { "dns-error", "dial tcp: lookup payments.internal on 10.0.0.10:53: no such host" },
        { "connection-refused", "Error: connect ECONNREFUSED 127.0.0.1:5432" },
        { "auth-failure", "remote: HTTP Basic: Access denied. 401 Unauthorized" },
        { "oom", "Exception in thread \"worker\" java.lang.OutOfMemoryError: Java heap space" },
        { "disk-full", "write /var/lib/docker/tmp/x: No space left on device" },
        { "timeout", "System.TimeoutException: The operation has timed out." },
        { "rate-limit", "HTTP 429 Too Many Requests: API rate limit exceeded" },
        { "maven-dependency", "[ERROR] Failed to execute goal on project orders: Could not resolve dependencies for project com.acme:orders:jar:1.0" },
        { "gradle-dependency", "> Could not resolve all files for configuration ':app:compileClasspath'." },
        { "java-compile-error", "[ERROR] /builds/acme/src/main/java/com/acme/Order.java:[31,24] cannot find symbol" },
        { "maven-test-failed", "[ERROR] com.acme.OrderTest.total  Time elapsed: 0.01 s  <<< FAILURE!" },
        { "test-summary-failed", "[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0" },
        { "gradle-test-failed", "OrderTest > totalIncludesTax() FAILED" },
        { "build-failed", "[INFO] BUILD FAILURE" },
        { "lint-failed", "src/app.py:12:1: F401 'os' imported but unused" },
        { "ci-runner-failure", "ERROR: Job failed (system failure): Error response from daemon: no such container" },
        { "ci-timeout", "ERROR: Job failed: execution took longer than 1h0m0s seconds" },
        { "docker-build", "ERROR: failed to solve: process \"/bin/sh -c npm ci\" did not complete successfully: exit code: 1" },
        { "ci-job-failed", "ERROR: Job failed: exit code 1" },
        { "migration-failed", "Validate failed: Migrations have failed validation" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Classify_ExampleLine_MatchesItsRule(string ruleId, string line)
    {
        var result = FailureClassifier.BuiltIn.Classify(line);

        Assert.Contains(ruleId, result.Rules.Select(r => r.Rule.Id));
    }

    [Fact]
    public void Examples_CoverEveryBuiltInRule()
    {
        var covered = Examples.Select(row => (string)row[0]).ToHashSet();

        var missing = RuleSet.BuiltIn.Rules.Select(r => r.Id).Except(covered).ToList();
        Assert.True(missing.Count == 0, $"no example for: {string.Join(", ", missing)}");
    }
}
