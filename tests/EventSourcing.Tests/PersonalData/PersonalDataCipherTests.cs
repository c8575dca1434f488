using System.Security.Cryptography;
using Shouldly;
using Xunit;

namespace Outreach.EventSourcing.Tests.PersonalData;

public sealed class PersonalDataCipherTests
{
    [Fact]
    public void A_sealed_value_opens_with_its_owners_key_and_hides_the_plaintext()
    {
        var key = PersonalDataCipher.NewKey();
        var sealedValue = PersonalDataCipher.Encrypt(key, "usr_1", "Jane Doe");

        sealedValue.ShouldNotContain("Jane");
        PersonalDataCipher.Decrypt(key, "usr_1", sealedValue).ShouldBe("Jane Doe");
        PersonalDataCipher.Encrypt(key, "usr_1", "Jane Doe").ShouldNotBe(sealedValue); // a fresh nonce each time
    }

    [Fact]
    public void Another_key_another_owner_or_a_changed_byte_cannot_open_it()
    {
        var key = PersonalDataCipher.NewKey();
        var sealedValue = PersonalDataCipher.Encrypt(key, "usr_1", "Jane Doe");
        var tampered = sealedValue[..^4] + (sealedValue[^4] == 'A' ? 'B' : 'A') + sealedValue[^3..];

        Should.Throw<CryptographicException>(() => PersonalDataCipher.Decrypt(PersonalDataCipher.NewKey(), "usr_1", sealedValue));
        Should.Throw<CryptographicException>(() => PersonalDataCipher.Decrypt(key, "usr_2", sealedValue));
        Should.Throw<CryptographicException>(() => PersonalDataCipher.Decrypt(key, "usr_1", tampered));
        Should.Throw<CryptographicException>(() => PersonalDataCipher.Decrypt(key, "usr_1", "plain text"));
    }
}
