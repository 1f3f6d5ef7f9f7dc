package org.cdpdesktop.core.clean;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Country names and ISO codes, in any case and with or without dots, as one English name each. */
final class Countries {

    private static final Map<String, String> COUNTRIES = countries();

    private Countries() {
    }

    /** A known country name or ISO code as its English name ({@code US}, {@code USA} → United States); others as given. */
    static String name(String value) {
        String known = COUNTRIES.get(value);
        return known != null ? known : COUNTRIES.getOrDefault(key(value), value);
    }

    private static String key(String value) {
        StringBuilder key = new StringBuilder(value.length());
        for (char c : value.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c != '.' && c != ' ' && c != '-' && c != '_') {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static Map<String, String> countries() {
        Map<String, String> countries = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale locale = new Locale("", code);
            String name = locale.getDisplayCountry(Locale.ENGLISH);
            countries.put(key(code), name);
            countries.put(key(locale.getISO3Country()), name);
            countries.put(key(name), name);
            countries.put(name, name);
        }
        String[][] aliases = {
            {"United States", "United States of America", "America", "U.S.", "U.S.A.", "USA", "US"},
            {"United Kingdom", "UK", "U.K.", "Great Britain", "Britain", "GB"},
            {"Germany", "Deutschland"}, {"Spain", "España", "Espana"}, {"Brazil", "Brasil"}, {"Mexico", "México"},
            {"Netherlands", "Holland", "Nederland", "The Netherlands"}, {"Switzerland", "Schweiz", "Suisse"},
            {"Austria", "Österreich"}, {"Italy", "Italia"}, {"South Korea", "Korea", "Republic of Korea"},
            {"Russia", "Russian Federation"}, {"Czechia", "Czech Republic"}, {"Ireland", "Éire"},
        };
        for (String[] alias : aliases) {
            String name = countries.getOrDefault(key(alias[0]), alias[0]);
            countries.put(name, name);
            for (String other : alias) {
                countries.put(key(other), name);
            }
        }
        return Map.copyOf(countries);
    }
}
