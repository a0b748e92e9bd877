using System.Net;
using System.Text.Json.Nodes;
using TokenCost.Catalogs;
using TokenCost.Comparisons;
using TokenCost.Costs;
using TokenCost.Economics.Frontier;
using TokenCost.Economics.Optimization;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Quantities;
using TokenCost.Server.Contracts;
using TokenCost.Server.Endpoints;
using TokenCost.Server.Tests.Support;

namespace TokenCost.Server.Tests.Api;

public sealed class EconomicsEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Compare_GivesTheLibrarysComparison_RowByRow()
    {
        string[] ids = ["nvidia_h100_sxm", "amd_mi300x", "nvidia_a100_40gb_sxm"];
        var workload = new Workload { Batch = 8, InputTokens = 1000, OutputTokens = 200 };
        var expected = PlatformComparison.Create(PricingContext.Create(Catalog.Default), "llama-3.1-70b", ids, workload, "fp8", "vllm");

        var (response, json, text) = await Json.PostAsync(_client, "/v1/compare", """{"model":"llama-3.1-70b","sweepHardware":["nvidia_h100_sxm","amd_mi300x","nvidia_a100_40gb_sxm"],"weights":"fp8","stack":"vllm","batch":8,"inputTokens":1000,"outputTokens":200}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        var rows = json!["rows"]!.AsArray();
        rows.Select(r => r!["hardware"]!.GetValue<string>()).Should().Equal(ids);
        rows.Select(r => r!["costPerMillionOutputTokensUsd"]!.GetValue<double>()).Should().Equal(expected.Reports.Select(r => r.CostPerMillionOutputTokens.Usd));
        rows.Select(r => r!["devices"]!.GetValue<int>()).Should().Equal(expected.Reports.Select(r => r.Estimate.Configuration.Devices));
        json["cheapest"]!.GetValue<string>().Should().Be(expected.Cheapest!.Estimate.Configuration.Hardware.Id);
    }

    [Fact]
    public async Task Compare_Default_SkipsPlatformsItCannotModel_WithTheReason()
    {
        var (response, json, text) = await Json.PostAsync(_client, "/v1/compare", "{}");

        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        json!["rows"]!.AsArray().Count.Should().BeGreaterThan(5);
        foreach (var reason in json["skipped"]!.AsArray())
        {
            reason!.GetValue<string>().Should().MatchRegex("^[a-z0-9_]+: ");
        }
    }

    [Fact]
    public async Task Frontier_GivesTheLibrarysParetoPoints()
    {
        var catalog = Catalog.Default;
        var configurations = new[] { "bf16", "fp8" }.Select(w => DeploymentConfiguration.Create(catalog, "llama-3.1-8b", "nvidia_h100_sxm", w, devices: 1)).ToList();
        var points = LatencyCostFrontier.Evaluate(PricingContext.Create(catalog), configurations, new Workload());
        var expected = LatencyCostFrontier.ParetoLatencyCost(points);

        var (response, json, text) = await Json.PostAsync(_client, "/v1/frontier", """{"model":"llama-3.1-8b","weights":"bf16","sweepWeights":["bf16","fp8"],"sweepDevices":[1]}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        json!["evaluated"]!.GetValue<int>().Should().Be(points.Count);
        var shown = json["points"]!.AsArray();
        shown.Select(p => (p!["weights"]!.GetValue<string>(), p["batch"]!.GetValue<int>(), p["costPerMillionOutputTokensUsd"]!.GetValue<double>()))
            .Should().Equal(expected.Select(p => (p.Configuration.Weights.Id, p.Batch, p.CostPerMillionOutputTokens.Usd)));
    }

    [Fact]
    public async Task Optimize_GivesTheLibrarysAnswer_ThoughItSearchesOnePlatformAtATime()
    {
        var catalog = Catalog.Default;
        var expected = DeploymentOptimizer.Optimize(PricingContext.Create(catalog), "llama-3.1-70b", new Workload { InputTokens = 1000, OutputTokens = 300 }, new ServiceLevelObjective { MaxTimePerOutputToken = TimeInterval.FromMilliseconds(50) }, new OptimizerSearchSpace());

        var (response, json, text) = await Json.PostAsync(_client, "/v1/optimize", """{"model":"llama-3.1-70b","inputTokens":1000,"outputTokens":300,"maxTimePerOutputTokenMs":50}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        json!["feasible"]!.GetValue<bool>().Should().BeTrue();
        var best = json["best"]!;
        (best["hardware"]!.GetValue<string>(), best["devices"]!.GetValue<int>(), best["weights"]!.GetValue<string>(), best["batch"]!.GetValue<int>(), best["costPerMillionOutputTokensUsd"]!.GetValue<double>())
            .Should().Be((expected.Best!.Configuration.Hardware.Id, expected.Best.Configuration.Devices, expected.Best.Configuration.Weights.Id, expected.Best.Batch, expected.Best.CostPerMillionOutputTokens.Usd));
        json["evaluated"]!.GetValue<int>().Should().Be(expected.Evaluated);
        json["feasibleCount"]!.GetValue<int>().Should().Be(expected.FeasibleCount);
        json["skipped"]!.AsArray().Select(s => s!.GetValue<string>()).Should().BeEquivalentTo(expected.Skipped, "the same candidates are skipped for the same reasons (listed platform by platform)");
    }

    [Fact]
    public async Task Optimize_Infeasible_SaysSo_AndGivesTheFastest()
    {
        var (response, json, text) = await Json.PostAsync(_client, "/v1/optimize", """{"model":"llama-3.1-70b","maxTimePerOutputTokenMs":0.01}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        json!["feasible"]!.GetValue<bool>().Should().BeFalse();
        json["best"].Should().BeNull();
        json["fastest"]!["timePerOutputTokenMs"]!.GetValue<double>().Should().BeGreaterThan(0.01);
    }

    [Fact]
    public void ExpensiveWork_StopsWhenTheRequestIsCancelled()
    {
        var service = new PricingService(PricingContext.Create(Catalog.Default));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var optimize = () => service.Optimize(new OptimizeRequest { MaxTimePerOutputTokenMs = 50 }, cancelled.Token);
        var compare = () => service.Compare(new CompareRequest(), cancelled.Token);
        var frontier = () => service.Frontier(new FrontierRequest(), cancelled.Token);

        optimize.Should().Throw<OperationCanceledException>();
        compare.Should().Throw<OperationCanceledException>();
        frontier.Should().Throw<OperationCanceledException>();
    }
}
