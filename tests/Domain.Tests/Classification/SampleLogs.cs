namespace RagnarokOps.Domain.Tests.Classification;

/// <summary>Small but realistic CI job and service logs, one per ecosystem, as the classifier sees them.</summary>
internal static class SampleLogs
{
    public const string MavenTestFailure = """
        Running with gitlab-runner 17.5.0 (abc123)
        $ mvn -B verify
        [INFO] Scanning for projects...
        [INFO] Building orders 1.4.0-SNAPSHOT
        [INFO] -------------------------------------------------------
        [INFO]  T E S T S
        [INFO] -------------------------------------------------------
        [INFO] Running com.acme.orders.OrderServiceTest
        [ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.052 s <<< FAILURE! - in com.acme.orders.OrderServiceTest
        [ERROR] com.acme.orders.OrderServiceTest.totalIncludesTax  Time elapsed: 0.011 s  <<< FAILURE!
        org.opentest4j.AssertionFailedError: expected: <110> but was: <100>
        	at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
        	at org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:166)
        	at com.acme.orders.OrderServiceTest.totalIncludesTax(OrderServiceTest.java:27)
        [INFO]
        [INFO] Results:
        [ERROR] Failures:
        [ERROR]   OrderServiceTest.totalIncludesTax:27 expected: <110> but was: <100>
        [ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0
        [INFO] BUILD FAILURE
        ERROR: Job failed: exit code 1
        """;

    public const string JavaCompileError = """
        $ mvn -B compile
        [INFO] Compiling 42 source files to /builds/acme/orders/target/classes
        [INFO] -------------------------------------------------------------
        [ERROR] COMPILATION ERROR :
        [INFO] -------------------------------------------------------------
        [ERROR] /builds/acme/orders/src/main/java/com/acme/orders/OrderService.java:[31,24] cannot find symbol
          symbol:   method taxRate()
          location: variable pricing of type com.acme.orders.Pricing
        [INFO] 1 error
        [INFO] BUILD FAILURE
        ERROR: Job failed: exit code 1
        """;

    public const string SpringCausedBy = """
        2026-11-21 10:15:01.123  INFO 1 --- [main] c.a.orders.OrdersApplication : Starting OrdersApplication
        2026-11-21 10:15:04.456 ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed
        org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'orderRepository'
        	at org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.initializeBean(AbstractAutowireCapableBeanFactory.java:1786)
        	at org.springframework.boot.SpringApplication.run(SpringApplication.java:335)
        Caused by: org.postgresql.util.PSQLException: FATAL: sorry, too many clients already
        	at org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)
        	... 42 common frames omitted
        2026-11-21 10:15:04.789  INFO 1 --- [main] o.s.b.a.l.ConditionEvaluationReportLogger : shutting down
        """;

    public const string DotnetTestFailure = """
        $ dotnet test --no-build
        Starting test execution, please wait...
        A total of 1 test files matched the specified pattern.
          Failed Acme.Cart.Tests.CartTests.Total_WithCoupon_AppliesDiscount [12 ms]
          Error Message:
           Assert.Equal() Failure: Values differ
        Expected: 90
        Actual:   100
          Stack Trace:
             at Acme.Cart.Tests.CartTests.Total_WithCoupon_AppliesDiscount() in /builds/acme/cart/tests/CartTests.cs:line 42

        Failed!  - Failed:     1, Passed:    57, Skipped:     0, Total:    58, Duration: 1 s - Acme.Cart.Tests.dll (net10.0)
        ERROR: Job failed: exit code 1
        """;

    public const string DotnetBuildError = """
        $ dotnet build -c Release
          Determining projects to restore...
          All projects are up-to-date for restore.
        /builds/acme/cart/src/Cart.cs(17,32): error CS1061: 'Coupon' does not contain a definition for 'Percent' [/builds/acme/cart/src/Cart.csproj]
        Build FAILED.
        ERROR: Job failed: exit code 1
        """;

    public const string DotnetUnhandled = """
        info: Microsoft.Hosting.Lifetime[0] Application started.
        Unhandled exception. System.InvalidOperationException: Unable to resolve service for type 'Acme.ICouponStore'
         ---> System.ArgumentNullException: Value cannot be null. (Parameter 'connectionString')
           at Acme.CouponStore..ctor(String connectionString) in /src/CouponStore.cs:line 14
           --- End of inner exception stack trace ---
           at Microsoft.Extensions.DependencyInjection.ServiceProvider.GetService(Type serviceType)
           at Program.<Main>$(String[] args) in /src/Program.cs:line 22
        info: shutting down
        """;

    public const string PythonTraceback = """
        INFO:root:processing batch 17
        Traceback (most recent call last):
          File "/app/worker.py", line 88, in handle
            total = order["amount"] * rate
        KeyError: 'amount'

        During handling of the above exception, another exception occurred:

        Traceback (most recent call last):
          File "/app/worker.py", line 91, in handle
            raise ProcessingError("bad order") from None
        worker.ProcessingError: bad order
        INFO:root:processing batch 18
        """;

    public const string PytestFailure = """
        ============================= test session starts ==============================
        collected 12 items

        tests/test_pricing.py ..F.........                                      [100%]

        =================================== FAILURES ===================================
        ______________________________ test_discount_cap _______________________________

            def test_discount_cap():
        >       assert apply_discount(100, 0.8) == 50
        E       assert 20.0 == 50
        E        +  where 20.0 = apply_discount(100, 0.8)

        tests/test_pricing.py:14: AssertionError
        =========================== short test summary info ============================
        FAILED tests/test_pricing.py::test_discount_cap - assert 20.0 == 50
        ========================= 1 failed, 11 passed in 0.31s =========================
        """;

    public const string PipResolution = """
        $ pip install -r requirements.txt
        Collecting requests==2.99.0
        ERROR: Could not find a version that satisfies the requirement requests==2.99.0 (from versions: 2.31.0, 2.32.3)
        ERROR: No matching distribution found for requests==2.99.0
        ERROR: Job failed: exit code 1
        """;

    public const string JestFailure = """
        $ npm test
        > cart@1.0.0 test
        > jest
        FAIL src/cart.test.js
          ● Cart › adds tax

            expect(received).toBe(expected) // Object.is equality

            Expected: 110
            Received: 100

              12 |   it('adds tax', () => {
            > 13 |     expect(total(100)).toBe(110);
                 |                        ^

              at Object.<anonymous> (src/cart.test.js:13:24)

        Tests:       1 failed, 8 passed, 9 total
        npm ERR! code ELIFECYCLE
        ERROR: Job failed: exit code 1
        """;

    public const string NodeHeap = """
        <--- Last few GCs --->
        [1:0x5a] 120031 ms: Mark-Compact 2046.9 (2081.6) -> 2045.7 (2082.8) MB
        FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
         1: 0xb090e0 node::Abort() [node]
        """;

    public const string GoPanic = """
        2026/11/21 10:00:00 listening on :8080
        panic: assignment to entry in nil map

        goroutine 42 [running]:
        main.(*Cache).Put(...)
        	/app/cache.go:31
        main.handler({0x7f2, 0xc000}, 0xc0001)
        	/app/main.go:57 +0x1a5
        net/http.HandlerFunc.ServeHTTP(0x0?, {0x7f2, 0xc000}, 0x0?)
        	/usr/local/go/src/net/http/server.go:2136 +0x29
        exit status 2
        """;

    public const string GoTestFailure = """
        === RUN   TestParse
            parse_test.go:21: Parse("1.2") = 12; want 1.2
            parse_test.go:22: second case failed too
        --- FAIL: TestParse (0.00s)
        === RUN   TestFormat
        --- PASS: TestFormat (0.00s)
        FAIL
        FAIL	github.com/acme/money	0.012s
        """;

    public const string GoBuildError = """
        $ go build ./...
        # github.com/acme/money
        ./money.go:14:9: undefined: roundHalfEven
        ERROR: Job failed: exit code 1
        """;

    public const string KubernetesOom = """
        $ kubectl describe pod checkout-7d9f-abcde
            State:          Waiting
              Reason:       CrashLoopBackOff
            Last State:     Terminated
              Reason:       OOMKilled
              Exit Code:    137
        Events:
          Warning  BackOff  2m  kubelet  Back-off restarting failed container checkout
        """;

    public const string RunnerSystemFailure = """
        Running with gitlab-runner 17.5.0 (abc123)
        Preparing the "docker" executor
        ERROR: Failed to remove network for build
        ERROR: Preparation failed: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?
        Will be retried in 3s ...
        ERROR: Job failed (system failure): Cannot connect to the Docker daemon at unix:///var/run/docker.sock.
        """;

    public const string CiTimeout = """
        $ ./run-integration-tests.sh
        waiting for service...
        ERROR: Job failed: execution took longer than 1h0m0s seconds
        """;

    public const string LintFailure = """
        $ npx eslint src
        /builds/acme/web/src/cart.js
          12:7   error  'unused' is assigned a value but never used  no-unused-vars
        ✖ 1 problem (1 error, 0 warnings)
        ERROR: Job failed: exit code 1
        """;

    public const string ServiceErrors = """
        2026-11-21T10:00:01Z INFO GET /api/cart 200 12ms
        2026-11-21T10:00:02Z ERROR redis: Could not connect to Redis at cache:6379: Connection refused
        2026-11-21T10:00:03Z WARN upstream request timeout after 5000ms
        2026-11-21T10:00:04Z ERROR GET /api/cart HTTP/1.1" 503 19ms
        2026-11-21T10:00:05Z ERROR x509: certificate has expired or is not yet valid
        2026-11-21T10:00:06Z ERROR dial tcp: lookup payments.internal: no such host
        2026-11-21T10:00:07Z ERROR pq: duplicate key value violates unique constraint "orders_pkey"
        2026-11-21T10:00:08Z ERROR Kafka: Connection to node 1 (kafka-0/10.0.0.5:9092) could not be established. Broker may not be available.
        2026-11-21T10:00:09Z ERROR com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure
        2026-11-21T10:00:10Z ERROR 429 Too Many Requests from api.stripe.com
        2026-11-21T10:00:11Z ERROR write /var/lib/data/x: No space left on device
        2026-11-21T10:00:12Z ERROR AADSTS700082: The refresh token has expired
        """;

    public const string Clean = """
        Running with gitlab-runner 17.5.0 (abc123)
        $ make test
        ok  	github.com/acme/money	0.012s
        Job succeeded
        """;
}
