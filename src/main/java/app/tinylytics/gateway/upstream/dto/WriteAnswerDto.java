package app.tinylytics.gateway.upstream.dto;

/**
 * What every answer to a single tracked write carries besides the written record: upstream's status word
 * ({@code created} or {@code ignored}) and, for an ignored write, why.
 */
public interface WriteAnswerDto {

    String status();

    String reason();
}
