using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Outreach.Dashboard.Otlp.Proto.Common.V1;
using Outreach.Dashboard.Otlp.Proto.Resource.V1;
using Outreach.Dashboard.Telemetry.Model;

namespace Outreach.Dashboard.Otlp;

/// <summary>Turns OTLP's common pieces (ids, attribute values, the resource) into what the store keeps.</summary>
internal static class OtlpValues
{
    public const string ServiceNameKey = "service.name";
    public const string ServiceInstanceIdKey = "service.instance.id";

    /// <summary>The resource by service.name; without an instance id the service is its own single instance.</summary>
    public static TelemetrySource SourceOf(Resource? resource)
    {
        string? name = null;
        string? instance = null;
        if (resource is not null)
        {
            foreach (var attribute in resource.Attributes)
            {
                if (attribute.Key == ServiceNameKey)
                {
                    name = Text(attribute.Value);
                }
                else if (attribute.Key == ServiceInstanceIdKey)
                {
                    instance = Text(attribute.Value);
                }
            }
        }

        name = string.IsNullOrWhiteSpace(name) ? TelemetrySource.UnknownService : name;
        return new TelemetrySource(StringPool.Share(name), StringPool.Share(string.IsNullOrWhiteSpace(instance) ? name : instance));
    }

    /// <summary>Lowercase hex, or null for an absent or all-zero id (OTLP's "no parent").</summary>
    public static string? Id(ByteString id)
    {
        var bytes = id.Span;
        if (bytes.IsEmpty || !bytes.ContainsAnyExcept((byte)0))
        {
            return null;
        }

        return Convert.ToHexStringLower(bytes);
    }

    public static AttributePair[] Attributes(RepeatedField<KeyValue> attributes)
    {
        if (attributes.Count == 0)
        {
            return AttributePair.None;
        }

        var pairs = new AttributePair[attributes.Count];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new AttributePair(StringPool.Share(attributes[i].Key), StringPool.ShareValue(Text(attributes[i].Value)));
        }

        return pairs;
    }

    /// <summary>A value as text: scalars as written in OTLP/JSON, arrays and maps as JSON.</summary>
    public static string Text(AnyValue? value) => value?.ValueCase switch
    {
        null or AnyValue.ValueOneofCase.None => "",
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BytesValue => value.BytesValue.ToBase64(),
        _ => Json(value),
    };

    private static string Json(AnyValue value)
    {
        var text = new StringBuilder();
        AppendJson(text, value);
        return text.ToString();
    }

    private static void AppendJson(StringBuilder text, AnyValue value)
    {
        switch (value.ValueCase)
        {
            case AnyValue.ValueOneofCase.ArrayValue:
                text.Append('[');
                for (var i = 0; i < value.ArrayValue.Values.Count; i++)
                {
                    text.Append(i == 0 ? "" : ",");
                    AppendJson(text, value.ArrayValue.Values[i]);
                }

                text.Append(']');
                break;
            case AnyValue.ValueOneofCase.KvlistValue:
                text.Append('{');
                for (var i = 0; i < value.KvlistValue.Values.Count; i++)
                {
                    text.Append(i == 0 ? "" : ",").Append(JsonSerializer.Serialize(value.KvlistValue.Values[i].Key)).Append(':');
                    AppendJson(text, value.KvlistValue.Values[i].Value ?? new AnyValue());
                }

                text.Append('}');
                break;
            case AnyValue.ValueOneofCase.StringValue or AnyValue.ValueOneofCase.BytesValue:
                text.Append(JsonSerializer.Serialize(Text(value)));
                break;
            case AnyValue.ValueOneofCase.None:
                text.Append("null");
                break;
            default:
                text.Append(Text(value));
                break;
        }
    }
}
