package vn.luutru.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.luutru.content.VietnameseText;

/**
 * Splits text into search tokens the way {@code search.js} does, so that what the index holds and
 * what a query asks for always agree: NFC, lower case, runs of letters, digits and marks. Each
 * token keeps its marked form ({@code đại}) and its folded form ({@code dai}).
 *
 * <pre>{@code
 * SearchText.tokens("Đại hội Đảng, 2020")
 * // [Token[marked=đại, folded=dai], Token[marked=hội, folded=hoi], Token[marked=đảng, folded=dang],
 * //  Token[marked=2020, folded=2020]]
 * }</pre>
 */
public final class SearchText {
  /** Longer runs (URLs, hashes) are not words anyone types; they are skipped. */
  public static final int MAX_TOKEN_LENGTH = 32;

  private SearchText() {}

  /** One word as written ({@code marked}, lower case) and folded. */
  public record Token(String marked, String folded) {}

  public static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    words(text, marked -> out.add(new Token(marked, VietnameseText.fold(marked))));
    return out;
  }

  /** Hands each word of {@code text}, lower case and as written, to {@code word}, in order. */
  public static void words(String text, java.util.function.Consumer<String> word) {
    wordsOfClean(VietnameseText.clean(text), word);
  }

  /**
   * As {@link #words}, for text that is already clean ({@link VietnameseText#clean}), as all text
   * of a parsed article is: cleaning again would change nothing, so the words are the same.
   */
  public static void wordsOfClean(String text, java.util.function.Consumer<String> word) {
    String s = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= s.length(); ) {
      int cp = i < s.length() ? s.codePointAt(i) : ' ';
      boolean isWord = i < s.length() && isWordChar(cp);
      if (isWord && start < 0) {
        start = i;
      } else if (!isWord && start >= 0) {
        String marked = s.substring(start, i);
        if (marked.codePointCount(0, marked.length()) <= MAX_TOKEN_LENGTH) {
          word.accept(marked);
        }
        start = -1;
      }
      i += Character.charCount(cp);
    }
  }

  /** Letters, digits and combining marks: {@code [\p{L}\p{N}\p{M}]} in JavaScript. */
  static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
    }
    int type = Character.getType(cp);
    return Character.isLetterOrDigit(cp)
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
