using System.Text;

namespace Outreach.ServiceDefaults.Tests.Support;

public sealed record OtlpSpan(IReadOnlyDictionary<string, string> Resource, string Scope, string Name, string TraceId, string SpanId,
    string ParentSpanId, IReadOnlyDictionary<string, string> Attributes);

public sealed record OtlpLog(IReadOnlyDictionary<string, string> Resource, string Scope, string Body, string TraceId);

public sealed record OtlpMetric(IReadOnlyDictionary<string, string> Resource, string Scope, string Name);

/// <summary>
/// Reads just enough of the OTLP protobuf messages (opentelemetry-proto, v1) to check what was exported:
/// resource attributes, scope names, span names and ids, log bodies and metric names.
/// </summary>
public static class OtlpPayload
{
    // Export*ServiceRequest.resource_* = 1; Resource* { resource = 1; scope_* = 2 }; Scope* { scope = 1; items = 2 }
    public static IEnumerable<OtlpSpan> Spans(byte[] request) =>
        Items(request, (resource, scope, span) =>
        {
            var fields = Protobuf.Fields(span).ToList();
            return new OtlpSpan(resource, scope,
                Text(fields, 5), Hex(fields, 1), Hex(fields, 2), Hex(fields, 4), Attributes(span, 9));
        });

    public static IEnumerable<OtlpLog> Logs(byte[] request) =>
        Items(request, (resource, scope, log) =>
        {
            var fields = Protobuf.Fields(log).ToList();
            var body = fields.Where(f => f.Number == 5).Select(f => AnyValueText(f.Bytes)).FirstOrDefault() ?? "";
            return new OtlpLog(resource, scope, body, Hex(fields, 9));
        });

    public static IEnumerable<OtlpMetric> Metrics(byte[] request) =>
        Items(request, (resource, scope, metric) => new OtlpMetric(resource, scope, Text(Protobuf.Fields(metric).ToList(), 1)));

    private static IEnumerable<T> Items<T>(byte[] request, Func<IReadOnlyDictionary<string, string>, string, byte[], T> read)
    {
        foreach (var resourceGroup in Protobuf.Fields(request).Where(f => f.Number == 1))
        {
            var groupFields = Protobuf.Fields(resourceGroup.Bytes).ToList();
            var resource = groupFields.Where(f => f.Number == 1).Select(f => Attributes(f.Bytes, 1)).FirstOrDefault()
                ?? new Dictionary<string, string>();
            foreach (var scopeGroup in groupFields.Where(f => f.Number == 2))
            {
                var scopeFields = Protobuf.Fields(scopeGroup.Bytes).ToList();
                var scope = scopeFields.Where(f => f.Number == 1).Select(f => Text(Protobuf.Fields(f.Bytes).ToList(), 1)).FirstOrDefault() ?? "";
                foreach (var item in scopeFields.Where(f => f.Number == 2))
                    yield return read(resource, scope, item.Bytes);
            }
        }
    }

    // Resource { repeated KeyValue attributes = 1 }; Span { … attributes = 9 }; KeyValue { key = 1; AnyValue value = 2 }
    private static Dictionary<string, string> Attributes(byte[] message, int field)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var keyValue in Protobuf.Fields(message).Where(f => f.Number == field))
        {
            var fields = Protobuf.Fields(keyValue.Bytes).ToList();
            attributes[Text(fields, 1)] = fields.Where(f => f.Number == 2).Select(f => AnyValueText(f.Bytes)).FirstOrDefault() ?? "";
        }

        return attributes;
    }

    // AnyValue { string string_value = 1; … }
    private static string AnyValueText(byte[] anyValue) => Text(Protobuf.Fields(anyValue).ToList(), 1);

    private static string Text(List<ProtobufField> fields, int number) =>
        fields.Where(f => f.Number == number && f.WireType == 2).Select(f => Encoding.UTF8.GetString(f.Bytes)).FirstOrDefault() ?? "";

    private static string Hex(List<ProtobufField> fields, int number) =>
        fields.Where(f => f.Number == number && f.WireType == 2).Select(f => Convert.ToHexStringLower(f.Bytes)).FirstOrDefault() ?? "";
}

public sealed record ProtobufField(int Number, int WireType, byte[] Bytes);

/// <summary>The protobuf wire format: (field number, wire type) tags followed by varints, fixed or length-delimited values.</summary>
public static class Protobuf
{
    public static IEnumerable<ProtobufField> Fields(byte[] message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message, ref position);
            var number = (int)(tag >> 3);
            var wireType = (int)(tag & 7);
            switch (wireType)
            {
                case 0:
                    ReadVarint(message, ref position);
                    yield return new ProtobufField(number, wireType, []);
                    break;
                case 1:
                    yield return new ProtobufField(number, wireType, message[position..(position + 8)]);
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref position);
                    yield return new ProtobufField(number, wireType, message[position..(position + length)]);
                    position += length;
                    break;
                case 5:
                    yield return new ProtobufField(number, wireType, message[position..(position + 4)]);
                    position += 4;
                    break;
                default:
                    throw new FormatException($"Unsupported protobuf wire type {wireType}.");
            }
        }
    }

    private static ulong ReadVarint(byte[] buffer, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var current = buffer[position++];
            value |= (ulong)(current & 0x7F) << shift;
            if ((current & 0x80) == 0)
                return value;
        }
    }
}
