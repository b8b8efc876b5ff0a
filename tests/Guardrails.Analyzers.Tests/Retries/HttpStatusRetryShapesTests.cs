using System.Threading.Tasks;
using Verify = Guardrails.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Guardrails.Analyzers.Retries.RetryLoopAnalyzer>;

namespace Guardrails.Analyzers.Tests.Retries;

/// <summary>
/// Loops that call again while an HTTP status, read from another client's response type (not an
/// <c>HttpResponseMessage</c>), says "not done yet" or a transient failure, written as a <c>switch</c> or an <c>if</c>;
/// modelled on the corpus site that polls 202 Accepted, each beside the look-alikes that must stay quiet.
/// </summary>
[TestFixture]
public sealed class HttpStatusRetryShapesTests
{
    private const string Client = """
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Threading;
        using System.Threading.Tasks;

        interface IResponse
        {
            HttpStatusCode StatusCode { get; }
        }

        interface IApiResponse<T>
        {
            IResponse HttpResponse { get; }
            T Body { get; }
        }

        interface IConnection
        {
            Task<IApiResponse<T>> GetResponse<T>(Uri uri, CancellationToken cancellationToken);
        }

        """;

    [Test]
    public Task A_loop_that_asks_again_while_the_answer_is_202_Accepted_is_a_tight_retry_on_a_failed_result() => Verify.VerifyAsync(Client + """
        class ApiConnection
        {
            private readonly IConnection _connection;

            public ApiConnection(IConnection connection) => _connection = connection;

            public async Task<IReadOnlyList<T>> GetQueuedOperation<T>(Uri uri, CancellationToken cancellationToken)
            {
                {|#0:while|} (true)
                {
                    var response = await _connection.GetResponse<IReadOnlyList<T>>(uri, cancellationToken).ConfigureAwait(false);
                    switch (response.HttpResponse.StatusCode)
                    {
                        case HttpStatusCode.Accepted:
                            continue;
                        case HttpStatusCode.NoContent:
                            return Array.Empty<T>();
                        case HttpStatusCode.OK:
                            return response.Body;
                    }

                    throw new InvalidOperationException("unexpected status " + response.HttpResponse.StatusCode);
                }
            }
        }
        """,
        Verify.Diagnostic("GR1002").WithLocation(0).WithArguments("'GetResponse' answers status 202 (accepted, not done yet)", "no attempt limit, no delay between attempts", ""));

    [Test]
    public Task An_if_on_a_503_read_through_the_response_with_a_delay_is_a_retry_on_a_failed_result() => Verify.VerifyAsync(Client + """
        class Reports
        {
            private readonly IConnection _connection;

            public Reports(IConnection connection) => _connection = connection;

            public async Task<string> Fetch(Uri uri, CancellationToken cancellationToken)
            {
                for (var attempt = 1; ; attempt++)
                {
                    var response = await _connection.GetResponse<string>(uri, cancellationToken);
                    if (response.HttpResponse.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 4)
                    {
                        await Task.Delay(500, cancellationToken);
                        continue;
                    }

                    return response.Body;
                }
            }
        }
        """.Replace("for (var attempt", "{|#0:for|} (var attempt"),
        Verify.Diagnostic("GR1003").WithLocation(0).WithArguments("'GetResponse' answers status 503", "attempts limited by 'attempt < 4', fixed delay 500", ""));

    [Test]
    public Task Polling_202_Accepted_until_a_deadline_is_not_a_retry() => Verify.VerifyAsync(Client + """
        class Exports
        {
            private readonly IConnection _connection;

            public Exports(IConnection connection) => _connection = connection;

            public async Task<string> WaitForExport(Uri uri, TimeSpan timeout, CancellationToken cancellationToken)
            {
                var deadline = DateTime.UtcNow + timeout;
                while (DateTime.UtcNow < deadline)
                {
                    var response = await _connection.GetResponse<string>(uri, cancellationToken);
                    switch (response.HttpResponse.StatusCode)
                    {
                        case HttpStatusCode.Accepted:
                            await Task.Delay(1000, cancellationToken);
                            continue;
                        case HttpStatusCode.OK:
                            return response.Body;
                    }
                }

                throw new TimeoutException();
            }
        }
        """);

    [Test]
    public Task Paging_that_skips_a_missing_page_on_404_is_not_a_retry() => Verify.VerifyAsync(Client + """
        class Pages
        {
            private readonly IConnection _connection;

            public Pages(IConnection connection) => _connection = connection;

            public async Task<List<string>> All(Uri root, int pages, CancellationToken cancellationToken)
            {
                var all = new List<string>();
                for (var page = 1; page <= pages; page++)
                {
                    var response = await _connection.GetResponse<string>(new Uri(root, "?page=" + page), cancellationToken);
                    switch (response.HttpResponse.StatusCode)
                    {
                        case HttpStatusCode.NotFound:
                            continue;
                        case HttpStatusCode.NoContent:
                            return all;
                    }

                    all.Add(response.Body);
                }

                return all;
            }
        }
        """);

    [Test]
    public Task Asking_for_the_next_page_while_the_server_answers_202_is_not_a_retry_of_the_same_call() => Verify.VerifyAsync(Client + """
        class Feed
        {
            private readonly IConnection _connection;

            public Feed(IConnection connection) => _connection = connection;

            public async Task<string> FirstReady(Uri[] candidates, CancellationToken cancellationToken)
            {
                for (var index = 0; index < candidates.Length; index++)
                {
                    var response = await _connection.GetResponse<string>(candidates[index], cancellationToken);
                    switch (response.HttpResponse.StatusCode)
                    {
                        case HttpStatusCode.Accepted:
                            continue;
                        case HttpStatusCode.OK:
                            return response.Body;
                    }
                }

                throw new InvalidOperationException("nothing ready");
            }
        }
        """);

    [Test]
    public Task A_consumer_loop_that_never_leaves_on_success_is_not_a_retry() => Verify.VerifyAsync(Client + """
        class Inbox
        {
            private readonly IConnection _connection;

            public Inbox(IConnection connection) => _connection = connection;

            public async Task Pump(Uri uri, Action<string> handle, CancellationToken cancellationToken)
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    var response = await _connection.GetResponse<string>(uri, cancellationToken);
                    switch (response.HttpResponse.StatusCode)
                    {
                        case HttpStatusCode.Accepted:
                            continue;
                        case HttpStatusCode.OK:
                            handle(response.Body);
                            break;
                    }
                }
            }
        }
        """);

    [Test]
    public Task A_switch_on_a_status_of_the_applications_own_enum_is_not_an_http_retry() => Verify.VerifyAsync(Client + """
        enum JobState
        {
            Queued = 202,
            Done = 200,
        }

        sealed class JobResult
        {
            public JobState StatusCode { get; init; }
            public string Output { get; init; } = "";
        }

        class Jobs
        {
            JobResult Poll(Guid id) => new();

            public string Result(Guid id)
            {
                while (true)
                {
                    var result = Poll(id);
                    switch (result.StatusCode)
                    {
                        case JobState.Queued:
                            continue;
                        case JobState.Done:
                            return result.Output;
                    }
                }
            }
        }
        """);
}
