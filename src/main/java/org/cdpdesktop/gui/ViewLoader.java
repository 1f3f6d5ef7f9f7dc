package org.cdpdesktop.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/** Loads FXML views with controllers built by the composition root, never by reflection on a no-arg constructor. */
public final class ViewLoader {

    private final Callback<Class<?>, Object> controllers;

    public ViewLoader(Callback<Class<?>, Object> controllers) {
        this.controllers = controllers;
    }

    public Parent load(Screen screen) {
        return load(Screen.class.getResource(screen.fxml()), screen.fxml());
    }

    /** Loads {@code <ViewClass>.fxml} from the view class's own package. */
    public Parent load(Class<?> viewClass) {
        String name = viewClass.getSimpleName() + ".fxml";
        return load(viewClass.getResource(name), viewClass.getPackageName() + "/" + name);
    }

    private Parent load(URL location, String name) {
        if (location == null) {
            throw new IllegalStateException("Missing view " + name);
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setControllerFactory(controllers);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load view " + name + ": " + e.getMessage(), e);
        }
    }
}
