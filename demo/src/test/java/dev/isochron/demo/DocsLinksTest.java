package dev.isochron.demo;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every link of README.md and docs/*.md that is not a web address points at a file of the repository, and its
 * {@code #anchor}, if any, at a heading of that file (GitHub's slugs): a clone has nothing outside the repository, so
 * nothing may point there ({@code ../shared/...} did).
 */
class DocsLinksTest
{
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+)$");

    @Test
    void shouldPointOnlyAtFilesAndHeadingsInsideTheRepository() throws Exception
    {
        final List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs")))
        {
            pages.addAll(docs.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList()));
        }
        final List<String> broken = new ArrayList<>();
        for (final Path page : pages)
        {
            final String text = Files.readString(page);
            final Matcher link = LINK.matcher(text);
            while (link.find())
            {
                final String target = link.group(1);
                if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:"))
                {
                    continue;
                }
                final int hash = target.indexOf('#');
                final String file = hash < 0 ? target : target.substring(0, hash);
                final Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                final String where = ROOT.relativize(page) + ": " + target;
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved))
                {
                    broken.add(where + " (no such file in the repository)");
                }
                else if (hash >= 0 && !slugs(resolved).contains(target.substring(hash + 1)))
                {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    private static List<String> slugs(final Path markdown) throws Exception
    {
        final List<String> slugs = new ArrayList<>();
        final Matcher heading = HEADING.matcher(Files.readString(markdown));
        while (heading.find())
        {
            slugs.add(heading.group(1).trim().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
        }
        return slugs;
    }
}
