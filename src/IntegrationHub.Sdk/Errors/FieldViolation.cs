namespace IntegrationHub.Sdk.Errors;

/// <summary>One bad field of a request: the field path as the caller sent it, and why.</summary>
public sealed record FieldViolation(string Field, string Description);
