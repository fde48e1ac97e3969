package vn.luutru.config;

/**
 * The agency that publishes the archive, as a public-sector site shows it in its footer. Every
 * field may be empty; an empty agency shows nothing.
 *
 * @param name the agency's name, such as {@code Đảng bộ Sở Công Thương tỉnh Nghệ An}
 * @param governingBody the body it answers to, such as {@code Đảng ủy Khối các cơ quan tỉnh}
 * @param address its postal address
 * @param telephone its telephone number, as written
 * @param email its e-mail address
 * @param responsible the person responsible for the content, with their position
 * @param licence the licence or copyright line
 */
public record Agency(
    String name,
    String governingBody,
    String address,
    String telephone,
    String email,
    String responsible,
    String licence) {
  /** The agency with every field empty. */
  public static final Agency NONE = new Agency("", "", "", "", "", "", "");

  /** Whether every field is empty: templates show no agency block then. */
  public boolean isEmpty() {
    return equals(NONE);
  }
}
