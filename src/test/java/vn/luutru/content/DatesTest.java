package vn.luutru.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      value = {
        "2020-01-17                 | 2020-01-17T00:00+07:00",
        "2020-1-7 08:30             | 2020-01-07T08:30+07:00",
        "2020-01-17T08:30:15.5Z     | 2020-01-17T08:30:15Z",
        "2020-01-17 08:30 +0100     | 2020-01-17T08:30+01:00",
        "17/01/2020                 | 2020-01-17T00:00+07:00",
        "17.01.2020                 | NONE",
        "hôm qua                    | NONE",
      })
  void parsesAFrontMatterValue(String value, String parsed) {
    assertThat(Dates.parse(value))
        .isEqualTo(Optional.ofNullable(parsed).map(OffsetDateTime::parse));
  }

  @Test
  void aValueOfADatesFormThatNamesNoDayIsAnError() {
    assertThatThrownBy(() -> Dates.parse("2020-02-30")).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Dates.parse("31/04/2020")).isInstanceOf(DateTimeException.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      value = {
        "Cập nhật: 2020-01-17 08:30                       | 2020-01-17",
        "Thứ Sáu, 17/01/2020 - 08:30                      | 2020-01-17",
        "17.01.2020 và 2019-12-31                         | 2020-01-17",
        "Hà Nội, ngày 16 tháng 01 năm 2020                | 2020-01-16",
        "31/02/2020, rồi 01/03/2020                       | 2020-03-01",
        "không có ngày                                    | NONE",
      })
  void findsTheFirstRealDateInText(String text, String found) {
    assertThat(Dates.find(text)).isEqualTo(Optional.ofNullable(found).map(LocalDate::parse));
  }
}
