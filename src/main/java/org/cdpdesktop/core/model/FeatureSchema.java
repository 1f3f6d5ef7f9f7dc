package org.cdpdesktop.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * The Weka attribute layout every cohort model shares: the profile id (dropped by the model's own filter, so
 * evaluation can name the profiles behind each figure), the words, the chosen numeric and nominal fields, the label.
 */
public final class FeatureSchema {

    static final int ID = 0;
    static final int TEXT = 1;
    static final String TEXT_NAME = "text";

    private FeatureSchema() {
    }

    /** The header for {@code rows}: nominal values and classes are those the rows hold, sorted. */
    public static Instances header(TrainingSpec spec, Collection<FeatureRow> rows, List<String> classes) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("profile_id"));
        attributes.add(new Attribute(TEXT_NAME, (List<String>) null));
        for (String feature : spec.features()) {
            if (TrainingSpec.NUMERIC_FEATURES.contains(feature)) {
                attributes.add(new Attribute(feature));
            } else {
                TreeSet<String> values = new TreeSet<>();
                rows.forEach(row -> {
                    String value = row.nominals().get(feature);
                    if (value != null) {
                        values.add(value);
                    }
                });
                attributes.add(new Attribute(feature, new ArrayList<>(values)));
            }
        }
        attributes.add(new Attribute("label", new ArrayList<>(classes)));
        Instances header = new Instances(spec.labelName(), attributes, rows.size());
        header.setClassIndex(attributes.size() - 1);
        return header;
    }

    /**
     * {@code row} as an instance of {@code header}. For prediction the header keeps one text value at a time,
     * so a million predictions do not pile a million strings onto it.
     */
    static Instance instance(Instances header, FeatureRow row, boolean training) {
        double[] values = new double[header.numAttributes()];
        values[ID] = row.profileId();
        Attribute text = header.attribute(TEXT);
        if (training) {
            values[TEXT] = text.addStringValue(row.text());
        } else {
            text.setStringValue(row.text());
            values[TEXT] = 0;
        }
        for (int i = TEXT + 1; i < header.numAttributes(); i++) {
            Attribute attribute = header.attribute(i);
            if (i == header.classIndex()) {
                values[i] = row.label() == null ? Double.NaN : attribute.indexOfValue(row.label());
            } else if (attribute.isNumeric()) {
                Double number = row.numbers().get(attribute.name());
                values[i] = number == null ? Double.NaN : number;
            } else {
                String value = row.nominals().get(attribute.name());
                int index = value == null ? -1 : attribute.indexOfValue(value);
                values[i] = index < 0 ? Double.NaN : index;
            }
        }
        DenseInstance instance = new DenseInstance(1.0, values);
        instance.setDataset(header);
        return instance;
    }

    /** Words of a list field: each value one word, lower-cased, inner spaces joined ("Video Games" is "video_games"). */
    static String listWords(List<String> values) {
        StringBuilder words = new StringBuilder();
        for (String value : values) {
            String word = value.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
            if (!word.isEmpty()) {
                words.append(word).append(' ');
            }
        }
        return words.toString();
    }

    /** The class values {@code rows} hold, sorted. */
    static List<String> classes(Collection<FeatureRow> rows) {
        TreeSet<String> classes = new TreeSet<>();
        rows.forEach(row -> classes.add(row.label()));
        return List.copyOf(classes);
    }
}
